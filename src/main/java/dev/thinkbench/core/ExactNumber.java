package dev.thinkbench.core;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A number read exactly from answer text, as a reduced fraction: integers, decimals and fractions compare by value
 * ({@code 0.5}, {@code 1/2} and {@code 2/4} are equal; {@code 12} and {@code 12.0} are equal). Thousands separators,
 * a leading {@code $} and a trailing {@code %} are ignored. Immutable; any thread.
 */
record ExactNumber(BigInteger numerator, BigInteger denominator) {

    /** One number in free text: sign (not after a word or digit), digits with thousands groups, decimals, /q. */
    static final Pattern IN_TEXT = Pattern.compile(
            "(?:(?<![\\w)\\]}])-)?\\$?(?:\\d{1,3}(?:,\\d{3})+(?!\\d)|\\d+)(?:\\.\\d+)?(?:/\\d+)?");
    private static final Pattern WHOLE = Pattern.compile(
            "-?\\$?(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?(?:/-?\\d+(?:\\.\\d+)?)?%?|-?\\$?\\.\\d+%?");

    ExactNumber {
        if (denominator.signum() <= 0) {
            throw new IllegalArgumentException("denominator must be positive");
        }
    }

    /** The value of {@code text} when all of it (trimmed) is one number, else empty. */
    static Optional<ExactNumber> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String s = text.strip().replace(" ", "");
        if (!WHOLE.matcher(s).matches()) {
            return Optional.empty();
        }
        s = s.replace("$", "").replace(",", "");
        if (s.endsWith("%")) {
            s = s.substring(0, s.length() - 1);
        }
        int slash = s.indexOf('/');
        if (slash < 0) {
            return Optional.of(of(new BigDecimal(s)));
        }
        BigDecimal top = new BigDecimal(s.substring(0, slash));
        BigDecimal bottom = new BigDecimal(s.substring(slash + 1));
        if (bottom.signum() == 0) {
            return Optional.empty();
        }
        ExactNumber a = of(top);
        ExactNumber b = of(bottom);
        return Optional.of(reduced(a.numerator.multiply(b.denominator), a.denominator.multiply(b.numerator)));
    }

    private static ExactNumber of(BigDecimal d) {
        BigDecimal stripped = d.stripTrailingZeros();
        if (stripped.scale() <= 0) {
            return new ExactNumber(stripped.toBigIntegerExact(), BigInteger.ONE);
        }
        return reduced(stripped.unscaledValue(), BigInteger.TEN.pow(stripped.scale()));
    }

    private static ExactNumber reduced(BigInteger num, BigInteger den) {
        if (den.signum() < 0) {
            num = num.negate();
            den = den.negate();
        }
        BigInteger gcd = num.gcd(den);
        if (gcd.signum() == 0) {
            return new ExactNumber(BigInteger.ZERO, BigInteger.ONE);
        }
        return new ExactNumber(num.divide(gcd), den.divide(gcd));
    }

    boolean integral() {
        return denominator.equals(BigInteger.ONE);
    }
}
