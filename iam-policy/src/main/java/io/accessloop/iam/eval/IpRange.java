package io.accessloop.iam.eval;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** An IPv4 or IPv6 CIDR block as used by {@code IpAddress}/{@code NotIpAddress}; a bare address is a /32 or /128. */
record IpRange(byte[] network, int prefixLength) {

    /** Parses a CIDR block, or returns {@code null} when it is not one. */
    static IpRange parse(String text) {
        String address = text.trim();
        int prefix = -1;
        int slash = address.indexOf('/');
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(address.substring(slash + 1));
            } catch (NumberFormatException e) {
                return null;
            }
            address = address.substring(0, slash);
        }
        byte[] bytes = parseAddress(address);
        if (bytes == null) {
            return null;
        }
        int max = bytes.length * 8;
        if (prefix < 0) {
            prefix = max;
        }
        if (prefix > max) {
            return null;
        }
        return new IpRange(bytes, prefix);
    }

    boolean contains(String addressText) {
        byte[] address = parseAddress(addressText.trim());
        if (address == null || address.length != network.length) {
            return false;
        }
        int fullBytes = prefixLength / 8;
        for (int i = 0; i < fullBytes; i++) {
            if (address[i] != network[i]) {
                return false;
            }
        }
        int remaining = prefixLength % 8;
        if (remaining == 0) {
            return true;
        }
        int mask = (0xFF << (8 - remaining)) & 0xFF;
        return (address[fullBytes] & mask) == (network[fullBytes] & mask);
    }

    /** Parses a literal address without ever resolving a name. */
    static byte[] parseAddress(String text) {
        if (text.isEmpty()) {
            return null;
        }
        if (text.indexOf(':') >= 0) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (!(Character.digit(c, 16) >= 0 || c == ':' || c == '.')) {
                    return null;
                }
            }
            try {
                byte[] bytes = InetAddress.getByName(text).getAddress();
                return bytes;
            } catch (UnknownHostException e) {
                return null;
            }
        }
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
            if (parts[i].isEmpty() || parts[i].length() > 3 || !parts[i].chars().allMatch(Character::isDigit)) {
                return null;
            }
            int octet = Integer.parseInt(parts[i]);
            if (octet > 255) {
                return null;
            }
            bytes[i] = (byte) octet;
        }
        return bytes;
    }
}
