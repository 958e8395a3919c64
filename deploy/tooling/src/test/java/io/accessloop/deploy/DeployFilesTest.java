package io.accessloop.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.accessloop.deploy.support.Repository;
import io.accessloop.deploy.support.Yaml;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every YAML file under deploy/ parses; Kubernetes objects name themselves; templates avoid YAML tags. */
class DeployFilesTest {

    /** CloudFormation's short forms are YAML tags that generic YAML readers drop silently: the long forms only. */
    static final Pattern SHORT_FORM = Pattern.compile(
            "(?m)^[^#\\n]*[:\\-\\[,]\\s*!(Ref|Sub|GetAtt|Join|If|Equals|Select|Split|ImportValue|FindInMap|Base64|Cidr|GetAZs|And|Or|Not|Condition)\\b");

    @Test
    void everyYamlFileParses() {
        List<Path> files = Repository.files("deploy", ".yaml", ".yml");
        assertThat(files).hasSizeGreaterThan(20);
        for (Path file : files) {
            assertThat(Yaml.documents(file)).as(Repository.relative(file)).isNotEmpty();
        }
    }

    @Test
    void everyKubernetesObjectHasAnApiVersionAKindAndAName() {
        for (Path file : Repository.files("deploy/k8s", ".yaml")) {
            if (file.getFileName().toString().equals("kustomization.yaml") || file.toString().contains("/files/")) {
                continue;
            }
            for (JsonNode object : Yaml.documents(file)) {
                String where = Repository.relative(file);
                assertThat(object.path("apiVersion").asText()).as(where).isNotEmpty();
                assertThat(object.path("kind").asText()).as(where).isNotEmpty();
                assertThat(object.at("/metadata/name").asText()).as(where).isNotEmpty();
            }
        }
    }

    @Test
    void cloudFormationTemplatesUseLongFormIntrinsicsOnly() {
        List<Path> templates = Repository.files("deploy/aws", ".yaml");
        assertThat(templates).hasSize(4);
        for (Path template : templates) {
            assertThat(SHORT_FORM.matcher(Repository.read(template)).find()).as(Repository.relative(template)).isFalse();
            assertThat(Yaml.document(template).path("AWSTemplateFormatVersion").asText()).isEqualTo("2010-09-09");
        }
        assertThat(SHORT_FORM.matcher("Resource: !Sub arn:aws:iam::${AWS::AccountId}:role/x").find()).isTrue();
    }

    @Test
    void brokenYamlIsReportedWithItsOrigin() {
        assertThatThrownBy(() -> Yaml.documents("a: [unclosed", "inline.yaml"))
                .hasMessageStartingWith("inline.yaml is not valid YAML");
    }
}
