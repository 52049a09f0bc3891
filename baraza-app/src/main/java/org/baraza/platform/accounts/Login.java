package org.baraza.platform.accounts;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a resident signs in with: an e-mail address or a mobile number, normalised so that the
 * same person always gets the same login (e-mail in lower case; phone as + and digits, E.164).
 */
record Login(String value, Channel channel) {

    enum Channel {
        EMAIL("email"), SMS("sms");

        final String code;

        Channel(String code) {
            this.code = code;
        }

        static Channel of(String code) {
            return "sms".equals(code) ? SMS : EMAIL;
        }
    }

    static final int MAX_LENGTH = 254;

    /** Dot-atom local part and a host name of letters, digits and hyphens (RFC 5321 4.1.2, without quoted forms or IDN). */
    private static final Pattern EMAIL = Pattern.compile(
        "[a-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
            + "@[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*\\.[a-z]{2,63}");
    /** E.164: a country code and at most 15 digits in all. */
    private static final Pattern PHONE = Pattern.compile("\\+[1-9][0-9]{7,14}");
    /** What people type between the digits of a phone number. */
    private static final Pattern PHONE_PUNCTUATION = Pattern.compile("[\\s.\\-()/]");

    /** The login typed by a resident, or empty if it is neither an e-mail address nor an international mobile number. */
    static Optional<Login> parse(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String trimmed = typed.strip();
        if (trimmed.isEmpty() || trimmed.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        if (trimmed.indexOf('@') >= 0) {
            String email = trimmed.toLowerCase(Locale.ROOT);
            return EMAIL.matcher(email).matches() && email.indexOf('@') <= 64
                ? Optional.of(new Login(email, Channel.EMAIL)) : Optional.empty();
        }
        String phone = PHONE_PUNCTUATION.matcher(trimmed).replaceAll("");
        if (phone.startsWith("00")) {
            phone = "+" + phone.substring(2);
        }
        return PHONE.matcher(phone).matches() ? Optional.of(new Login(phone, Channel.SMS)) : Optional.empty();
    }

    /** Enough for the owner to recognise their login, too little for anyone else to use it: j***@e***.org, +254******678. */
    String masked() {
        if (channel == Channel.EMAIL) {
            int at = value.indexOf('@');
            String domain = value.substring(at + 1);
            int dot = domain.lastIndexOf('.');
            return value.charAt(0) + "***@" + domain.charAt(0) + "***" + domain.substring(dot);
        }
        int keep = Math.min(4, value.length() - 3);
        return value.substring(0, keep) + "*".repeat(value.length() - keep - 3) + value.substring(value.length() - 3);
    }
}
