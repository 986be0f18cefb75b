package cn.microcredit.monitor.analytics;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * An exact non-negative rational number, for the projected rates of SPEC 5.4: a sum of balances each weighted by a
 * migration share (a ratio of two balances) is rarely a finite decimal, and the outlook compares it with the threshold
 * unrounded. Sums keep the least common denominator, so adding a share of a small denominator to a large sum stays
 * cheap (the gcd of a large and a small number is a few divisions).
 */
public final class Fraction {

    public static final Fraction ZERO = new Fraction(BigInteger.ZERO, BigInteger.ONE);

    private final BigInteger numerator;
    private final BigInteger denominator;

    private Fraction(BigInteger numerator, BigInteger denominator) {
        this.numerator = numerator;
        this.denominator = denominator;
    }

    /** numerator / denominator; the denominator must be positive. */
    public static Fraction of(long numerator, long denominator) {
        if (denominator <= 0) {
            throw new IllegalArgumentException("denominator must be positive: " + denominator);
        }
        return new Fraction(BigInteger.valueOf(numerator), BigInteger.valueOf(denominator));
    }

    public Fraction plus(Fraction o) {
        BigInteger g = denominator.gcd(o.denominator);
        BigInteger mine = o.denominator.divide(g);
        return new Fraction(numerator.multiply(mine).add(o.numerator.multiply(denominator.divide(g))),
                denominator.multiply(mine));
    }

    public Fraction times(long factor) {
        return new Fraction(numerator.multiply(BigInteger.valueOf(factor)), denominator);
    }

    /** Sign of (this / whole × 100 − pct), exactly, by cross-multiplying; whole must be positive. */
    public int comparePercent(BigDecimal whole, BigDecimal pct) {
        BigDecimal lhs = new BigDecimal(numerator).multiply(BigDecimal.valueOf(100));
        return lhs.compareTo(pct.multiply(whole).multiply(new BigDecimal(denominator)));
    }

    /** this / whole × 100, rounded half-up to 2 places (once, from the exact value); null when whole is 0. */
    public BigDecimal percentOf(BigDecimal whole) {
        if (whole.signum() == 0) {
            return null;
        }
        return new BigDecimal(numerator).multiply(BigDecimal.valueOf(100))
                .divide(whole.multiply(new BigDecimal(denominator)), 2, RoundingMode.HALF_UP);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Fraction f && numerator.multiply(f.denominator).equals(f.numerator.multiply(denominator));
    }

    @Override
    public int hashCode() {
        BigInteger g = numerator.gcd(denominator);
        return g.signum() == 0 ? 0 : numerator.divide(g).hashCode() * 31 + denominator.divide(g).hashCode();
    }

    @Override
    public String toString() {
        return numerator + "/" + denominator;
    }
}
