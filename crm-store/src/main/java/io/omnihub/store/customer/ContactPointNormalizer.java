package io.omnihub.store.customer;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Turns addresses as people type them into the one form customers are matched on: e-mail
 * addresses trimmed and lower-cased, phone numbers in E.164 (national formats read in the
 * configured default region).
 */
public class ContactPointNormalizer {

    private static final Pattern EMAIL = Pattern.compile(
            "^[a-z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$");
    private static final int MAX_EMAIL_LENGTH = 254;

    private final PhoneNumberUtil phones = PhoneNumberUtil.getInstance();
    private final String defaultRegion;

    /** @param defaultRegion ISO 3166 region used for phone numbers written without a country code */
    public ContactPointNormalizer(String defaultRegion) {
        String region = defaultRegion == null ? "" : defaultRegion.strip().toUpperCase(Locale.ROOT);
        if (!phones.getSupportedRegions().contains(region)) {
            throw new IllegalArgumentException("omnihub.identity.default-region '" + defaultRegion
                    + "' is not an ISO 3166 region code libphonenumber knows (e.g. US, DE, GB)");
        }
        this.defaultRegion = region;
    }

    public NormalizedAddress normalize(ContactPointType type, String raw) {
        return switch (type) {
            case EMAIL -> new NormalizedAddress(type, email(raw));
            case PHONE -> new NormalizedAddress(type, phone(raw));
            case CHAT_VISITOR, EXTERNAL -> new NormalizedAddress(type, opaque(raw));
        };
    }

    public String email(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidAddressException("an e-mail address is empty");
        }
        String value = raw.strip();
        if (value.startsWith("<") && value.endsWith(">")) {
            value = value.substring(1, value.length() - 1).strip();
        }
        value = value.toLowerCase(Locale.ROOT);
        if (value.length() > MAX_EMAIL_LENGTH || !EMAIL.matcher(value).matches()) {
            throw new InvalidAddressException("not a valid e-mail address");
        }
        return value;
    }

    public String phone(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidAddressException("a phone number is empty");
        }
        try {
            PhoneNumber number = phones.parse(raw.strip(), defaultRegion);
            if (!phones.isPossibleNumber(number)) {
                throw new InvalidAddressException("not a possible phone number");
            }
            return phones.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
        } catch (NumberParseException e) {
            throw new InvalidAddressException("not a phone number: " + e.getErrorType().name().toLowerCase(Locale.ROOT));
        }
    }

    private static String opaque(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidAddressException("an identifier is empty");
        }
        return raw.strip();
    }
}
