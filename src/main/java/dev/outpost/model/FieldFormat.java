package dev.outpost.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Turns the text a person types into a field's canonical value, and back into text to show.
 * Canonical values are what the store keeps, merges compare and JSON carries.
 */
public final class FieldFormat {

    // Deliberately simple: one @, something on each side, a dot in the domain, no spaces.
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s.]+");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ()\\-./]*[0-9][0-9 ()\\-./]*(\\s*(x|ext\\.?)\\s*[0-9]+)?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9\\-]+(\\.[A-Za-z0-9\\-]+)+(:[0-9]+)?(/\\S*)?");
    private static final Pattern ENDS_WITH_OFFSET = Pattern.compile(".*T.*[+-]\\d\\d:?\\d\\d$");
    private static final Pattern UUID_TEXT = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    // Commas only as thousands separators: "12,500.5" is an amount, "12,50" (a decimal comma) is not.
    private static final Pattern GROUPED_AMOUNT = Pattern.compile("[+-]?[0-9]{1,3}(,[0-9]{3})+(\\.[0-9]*)?");
    private static final DateTimeFormatter SHOWN_DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ZoneId zone;

    public FieldFormat(ZoneId zone) {
        this.zone = zone;
    }

    /**
     * The canonical form of a non-blank value.
     *
     * @throws InvalidValueException saying what is wrong and what is expected
     */
    public String normalize(Field field, String raw) throws InvalidValueException {
        String text = field.kind() == FieldKind.LONG_TEXT ? raw.strip() : raw.trim();
        String value = switch (field.kind()) {
            case TEXT -> singleLine(text);
            case LONG_TEXT -> text;
            case EMAIL -> email(text);
            case EMAIL_LIST -> emailList(text);
            case PHONE -> phone(text);
            case URL -> url(text);
            case DATE -> date(text);
            case DATE_TIME -> dateTime(text);
            case MONEY -> money(text);
            case PERCENT -> percent(text);
            case YES_NO -> yesNo(text);
            case CHOICE -> choice(field, text);
            case REFERENCE -> reference(field, text);
        };
        if (value.length() > field.maxLength()) {
            throw new InvalidValueException(Messages.get("tooLong", value.length(), field.maxLength()));
        }
        return value;
    }

    /** The text to show a person for a canonical value (date-times in the user's zone). */
    public String display(Field field, String canonical) {
        if (canonical == null || canonical.isEmpty()) {
            return "";
        }
        if (field.kind() == FieldKind.DATE_TIME) {
            try {
                return SHOWN_DATE_TIME.format(Instant.parse(canonical).atZone(zone));
            } catch (DateTimeParseException e) {
                return canonical; // shown as stored rather than hidden
            }
        }
        return canonical;
    }

    private static String singleLine(String text) throws InvalidValueException {
        if (text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            throw new InvalidValueException(Messages.get("singleLine"));
        }
        return text;
    }

    private static String email(String text) throws InvalidValueException {
        if (!EMAIL.matcher(text).matches()) {
            throw new InvalidValueException(Messages.get("email", text));
        }
        return text;
    }

    private static String emailList(String text) throws InvalidValueException {
        List<String> addresses = new ArrayList<>();
        for (String part : text.split("[;,]")) {
            if (!part.isBlank()) {
                addresses.add(email(part.trim()));
            }
        }
        return String.join("; ", addresses);
    }

    private static String phone(String text) throws InvalidValueException {
        if (!PHONE.matcher(text).matches()) {
            throw new InvalidValueException(Messages.get("phone", text));
        }
        return text;
    }

    private static String url(String text) throws InvalidValueException {
        String lower = text.toLowerCase(Locale.ROOT);
        String rest = lower.startsWith("https://") ? text.substring(8)
                : lower.startsWith("http://") ? text.substring(7) : text;
        if (!HOST.matcher(rest).matches()) {
            throw new InvalidValueException(Messages.get("url", text));
        }
        return rest == text ? "https://" + text : text;
    }

    private static String date(String text) throws InvalidValueException {
        try {
            return LocalDate.parse(text).toString();
        } catch (DateTimeParseException e) {
            throw new InvalidValueException(Messages.get("date", text));
        }
    }

    private String dateTime(String text) throws InvalidValueException {
        String iso = text.replace(' ', 'T');
        try {
            Instant instant;
            if (iso.endsWith("Z") || iso.endsWith("z")) {
                instant = Instant.parse(iso.toUpperCase(Locale.ROOT));
            } else if (ENDS_WITH_OFFSET.matcher(iso).matches()) {
                instant = OffsetDateTime.parse(iso).toInstant();
            } else {
                instant = LocalDateTime.parse(iso).atZone(zone).toInstant();
            }
            return instant.truncatedTo(ChronoUnit.SECONDS).toString();
        } catch (DateTimeParseException e) {
            throw new InvalidValueException(Messages.get("dateTime", text));
        }
    }

    private static String money(String text) throws InvalidValueException {
        try {
            if (text.indexOf(',') >= 0 && !GROUPED_AMOUNT.matcher(text).matches()) {
                throw new NumberFormatException();
            }
            BigDecimal amount = new BigDecimal(text.replace(",", ""));
            if (amount.signum() < 0 || amount.scale() > 2) {
                throw new NumberFormatException();
            }
            return amount.setScale(2, RoundingMode.UNNECESSARY).toPlainString();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new InvalidValueException(Messages.get("money", text));
        }
    }

    private static String percent(String text) throws InvalidValueException {
        try {
            int value = Integer.parseInt(text.endsWith("%") ? text.substring(0, text.length() - 1).trim() : text);
            if (value < 0 || value > 100) {
                throw new NumberFormatException();
            }
            return Integer.toString(value);
        } catch (NumberFormatException e) {
            throw new InvalidValueException(Messages.get("percent", text));
        }
    }

    private static String yesNo(String text) throws InvalidValueException {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "y", "1" -> "true";
            case "false", "no", "n", "0" -> "false";
            default -> throw new InvalidValueException(Messages.get("yesNo", text));
        };
    }

    private static String choice(Field field, String text) throws InvalidValueException {
        String wanted = text.toLowerCase(Locale.ROOT);
        if (!field.choices().contains(wanted)) {
            throw new InvalidValueException(Messages.get("choice", text, String.join(", ", field.choices())));
        }
        return wanted;
    }

    private static String reference(Field field, String text) throws InvalidValueException {
        try {
            if (!UUID_TEXT.matcher(text).matches()) {
                throw new IllegalArgumentException(); // UUID.fromString would read "1-2-3-4-5" as an id
            }
            return UUID.fromString(text).toString();
        } catch (IllegalArgumentException e) {
            String targets = String.join(" or ", field.refersTo().stream().map(RecordType::withArticle).toList());
            throw new InvalidValueException(Messages.get("reference", text, targets));
        }
    }
}
