package io.accessloop.kit.problem;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;

/** An endpoint with a typed JSON body, to see how every service answers bad JSON. */
@Path("/probe/notes")
public class NoteResource {

    public record Note(String text, int count) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public String add(Note note) {
        return note.text() + " x" + note.count();
    }

    @POST
    @Path("/broken")
    public String broken() {
        throw new IllegalStateException("internal detail: table notes_v2 is missing");
    }
}
