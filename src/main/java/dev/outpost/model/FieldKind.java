package dev.outpost.model;

/**
 * What a field holds, which decides how its text is checked and normalized.
 * Every value is kept as canonical text so records compare, merge and serialize the same way everywhere.
 */
public enum FieldKind {
    /** One line of text. */
    TEXT,
    /** Free text over several lines. */
    LONG_TEXT,
    /** One e-mail address. */
    EMAIL,
    /** E-mail addresses separated by semicolons or commas, kept as "a@x.com; b@y.com". */
    EMAIL_LIST,
    /** A telephone number: digits, spaces and + ( ) - . / x. */
    PHONE,
    /** A web address; "example.com" is kept as "https://example.com". */
    URL,
    /** A calendar day, kept as yyyy-MM-dd. */
    DATE,
    /** A moment, kept in UTC as yyyy-MM-ddTHH:mm:ssZ; entered in the user's time zone. */
    DATE_TIME,
    /** An amount of money, kept with two decimals. */
    MONEY,
    /** A whole number from 0 to 100. */
    PERCENT,
    /** Yes or no, kept as true/false. */
    YES_NO,
    /** One value from a fixed list. */
    CHOICE,
    /** The local id of another record. */
    REFERENCE
}
