package dev.thinkbench.core.problemset;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntPredicate;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * The answers of the problem sets written for Thinkbench, computed here by code (brute force where it can be), so a
 * typo in a JSONL file cannot go unnoticed. Each entry works the problem from its own numbers.
 */
final class WrittenProblemAnswers {

    private WrittenProblemAnswers() {
    }

    static Map<String, Supplier<Object>> gradeSchool() {
        Map<String, Supplier<Object>> a = new LinkedHashMap<>();
        a.put("gs-01", () -> 12 * 24 - 230 - 18);
        a.put("gs-02", () -> 15 + 2 * 15 + (2 * 15 - 7));
        a.put("gs-03", () -> 7 * 36 / 6);
        a.put("gs-04", () -> dec("50").subtract(dec("4.50").multiply(dec("3"))).subtract(dec("2.25")));
        a.put("gs-05", () -> dec("80").multiply(dec("2.5")).add(dec("60").multiply(dec("1.5"))));
        a.put("gs-06", () -> (18 + 2) * (12 + 2) - 18 * 12);
        a.put("gs-07", () -> 4 * first(d -> 4 * d + 20 == 2 * (d + 20)));
        a.put("gs-08", () -> dec("40").multiply(dec("0.75")).multiply(dec("0.9")));
        a.put("gs-09", () -> 30 - 30 * 2 / 5 - 30 / 3);
        a.put("gs-10", () -> 1200 * 3 / 4 / 15);
        a.put("gs-11", () -> first(w -> 6 * w == 30 + 3 * w));
        a.put("gs-12", () -> 14 / 2 * 3);
        a.put("gs-13", () -> first(c -> 4 * c + 2 * (50 - c) == 140));
        a.put("gs-14", () -> first(k -> 12 * (150 - k) + 8 * k == 1520));
        a.put("gs-15", () -> dec("450").divide(dec("100")).multiply(dec("6")).multiply(dec("1.80")));
        a.put("gs-16", () -> 100 % 8);
        a.put("gs-17", () -> 15 * (46 / 2 - 15));
        a.put("gs-18", () -> IntStream.range(0, 8).mapToObj(i -> dec("3").add(dec("0.5").multiply(dec("" + i))))
                .reduce(BigDecimal.ZERO, BigDecimal::add));
        a.put("gs-19", () -> IntStream.rangeClosed(0, 30 / 12).map(p -> 9 * p + (30 - 12 * p)).min().orElseThrow());
        a.put("gs-20", () -> (19 * 60 + 45 + 2 * 60 + 50) - 22 * 60);
        a.put("gs-21", () -> 4 * first(c -> c + 2 * c + 4 * c == 63));
        a.put("gs-22", () -> IntStream.range(0, 5).map(i -> 18 + 4 * i).sum());
        a.put("gs-23", () -> dec("40").multiply(dec("15")).add(dec("6").multiply(dec("15")).multiply(dec("1.5"))));
        a.put("gs-24", () -> 10 * first(k -> 5 * k - 2 * k == 12));
        a.put("gs-25", () -> dec("20").subtract(dec("4").multiply(dec("2.40"))).subtract(dec("3").multiply(dec("3.10"))));
        a.put("gs-26", () -> 6 * 3 / (6 + 3));
        a.put("gs-27", () -> 5 * 18 - (12 + 20 + 15 + 25));
        a.put("gs-28", () -> dec("27.35").subtract(dec("20")).divide(dec("0.05")));
        a.put("gs-29", () -> 140 / 20 * 3);
        a.put("gs-30", WrittenProblemAnswers::snail);
        a.put("gs-31", () -> 2 * first(o -> 2 * o - 12 == o + 12));
        a.put("gs-32", () -> 240 * 3 / 4 * 2 / 3 / 2);
        a.put("gs-33", () -> (9 * 60 + 30 - 6 * 60) / 15 + 1);
        a.put("gs-34", () -> dec("240").multiply(dec("1.35")));
        a.put("gs-35", () -> {
            double[] v = {3.0 / 5, 0.58, 5.0 / 8, 0.6, 0.61};
            int best = IntStream.range(0, v.length).reduce((x, y) -> v[x] >= v[y] ? x : y).orElseThrow();
            return String.valueOf((char) ('A' + best));
        });
        return a;
    }

    static Map<String, Supplier<Object>> competition() {
        Map<String, Supplier<Object>> a = new LinkedHashMap<>();
        a.put("comp-01", () -> count(1, 999, n -> n % 7 == 0 && n % 11 != 0));
        a.put("comp-02", () -> IntStream.rangeClosed(1, 360).filter(d -> 360 % d == 0).sum());
        a.put("comp-03", () -> BigInteger.TWO.pow(100).mod(BigInteger.valueOf(13)));
        a.put("comp-04", WrittenProblemAnswers::seatingsApart);
        a.put("comp-05", () -> count(1, 720, x -> 720 % x == 0));
        a.put("comp-06", () -> first(n -> factorial(n).mod(BigInteger.valueOf(1000)).signum() == 0));
        a.put("comp-07", () -> first(n -> n % 2 != 0 && n + (n + 2) + (n + 4) == 195) + 4);
        a.put("comp-08", () -> trailingZeros(factorial(125)));
        a.put("comp-09", () -> BigInteger.valueOf(7).modPow(BigInteger.valueOf(2024), BigInteger.valueOf(100)));
        a.put("comp-10", () -> count(1, 100, n -> isPrime(n * n + n + 41)));
        a.put("comp-11", () -> IntStream.range(1, 65).flatMap(x -> IntStream.range(x, 65)
                .filter(y -> x * x + y * y == 65 * 65).map(y -> x + y + 65)).max().orElseThrow());
        a.put("comp-12", () -> countCompositions(10, 4));
        a.put("comp-13", () -> count(1, 2024, n -> isPower(n, 2) || isPower(n, 3)));
        a.put("comp-14", () -> BigInteger.TWO.pow(20).toString().chars().map(c -> c - '0').sum());
        a.put("comp-15", () -> BigInteger.TWO.pow(24).subtract(BigInteger.ONE)
                .gcd(BigInteger.TWO.pow(18).subtract(BigInteger.ONE)));
        a.put("comp-16", () -> count(1000, 9999, WrittenProblemAnswers::strictlyIncreasing));
        a.put("comp-17", () -> IntStream.rangeClosed(-20, 20).filter(x -> x * x * x - 6 * x * x + 11 * x - 6 == 0)
                .map(x -> x * x).sum());
        a.put("comp-18", () -> first(n -> n % 3 == 2 && n % 5 == 3 && n % 7 == 2));
        a.put("comp-19", () -> count(0, (1 << 10) - 1, mask -> IntStream.rangeClosed(1, 10)
                .filter(i -> (mask >> (i - 1) & 1) == 1).sum() % 5 == 0));
        a.put("comp-20", () -> {
            int lines = 7;
            int pairs = lines * (lines - 1) / 2;
            return pairs * pairs;
        });
        a.put("comp-21", () -> {
            int f = factorial(10).intValueExact();
            return count(1, f, d -> f % d == 0);
        });
        a.put("comp-22", () -> IntStream.rangeClosed(1, 100).filter(n -> n % 4 == 1 && n % 6 == 1).sum());
        a.put("comp-23", () -> IntStream.rangeClosed(1, 20).map(k -> k * (k + 1)).sum());
        a.put("comp-24", () -> IntStream.rangeClosed(-5, 5).map(x -> count(-5, 5, y -> x * x + y * y <= 25)).sum());
        a.put("comp-25", () -> {
            int d = (52 - 17) / (10 - 3);
            return 17 + (20 - 3) * d;
        });
        a.put("comp-26", () -> IntStream.rangeClosed(2, 65535).filter(p -> 65535 % p == 0 && isPrime(p)).max()
                .orElseThrow());
        a.put("comp-27", () -> count(1, 100, n -> IntStream.rangeClosed(0, 100)
                .anyMatch(b -> isPower(n + b * b, 2))));
        a.put("comp-28", () -> {
            int hits = 0;
            for (int x = 1; x <= 6; x++) {
                for (int y = 1; y <= 6; y++) {
                    for (int z = 1; z <= 6; z++) {
                        hits += x + y + z == 10 ? 1 : 0;
                    }
                }
            }
            int g = BigInteger.valueOf(hits).gcd(BigInteger.valueOf(216)).intValue();
            return hits / g + 216 / g;
        });
        a.put("comp-29", () -> {
            long[] ways = new long[13];
            ways[0] = 1;
            for (int i = 1; i <= 12; i++) {
                ways[i] = ways[i - 1] + (i >= 2 ? ways[i - 2] : 0);
            }
            return ways[12];
        });
        a.put("comp-30", () -> IntStream.range(1, 50).filter(n -> (n * n - 1) % 24 == 0).sum());
        a.put("comp-31", () -> count(1, 1000, n -> count(1, n, d -> n % d == 0) % 2 == 1));
        a.put("comp-32", () -> IntStream.rangeClosed(1, 100).mapToObj(WrittenProblemAnswers::factorial)
                .reduce(BigInteger.ZERO, BigInteger::add).mod(BigInteger.valueOf(12)));
        a.put("comp-33", () -> {
            double s = (13 + 14 + 15) / 2.0;
            return Math.round(Math.sqrt(s * (s - 13) * (s - 14) * (s - 15)));
        });
        a.put("comp-34", () -> {
            int diagonals = 0;
            for (int i = 0; i < 20; i++) {
                for (int j = i + 2; j < 20; j++) {
                    diagonals += i == 0 && j == 19 ? 0 : 1;
                }
            }
            return diagonals;
        });
        a.put("comp-35", () -> count(1, 499, n -> String.valueOf(n).chars().map(c -> c - '0').sum() == 10));
        return a;
    }

    private static BigDecimal dec(String s) {
        return new BigDecimal(s);
    }

    private static int first(IntPredicate p) {
        return IntStream.rangeClosed(0, 10_000).filter(p).findFirst().orElseThrow();
    }

    private static int count(int from, int to, IntPredicate p) {
        return (int) IntStream.rangeClosed(from, to).filter(p).count();
    }

    private static int snail() {
        int height = 0;
        for (int day = 1; ; day++) {
            height += 3;
            if (height >= 10) {
                return day;
            }
            height -= 2;
        }
    }

    private static int seatingsApart() {
        int[] seats = new int[8];
        return permutations(seats, 0, 0);
    }

    /** Counts orders of people 0..7 in which 0 and 1 are not neighbours. */
    private static int permutations(int[] order, int filled, int used) {
        if (filled == order.length) {
            for (int i = 0; i + 1 < order.length; i++) {
                if (order[i] + order[i + 1] == 1) {
                    return 0;
                }
            }
            return 1;
        }
        int total = 0;
        for (int p = 0; p < order.length; p++) {
            if ((used & (1 << p)) == 0) {
                order[filled] = p;
                total += permutations(order, filled + 1, used | (1 << p));
            }
        }
        return total;
    }

    private static int countCompositions(int balls, int boxes) {
        if (boxes == 1) {
            return balls >= 1 ? 1 : 0;
        }
        int total = 0;
        for (int first = 1; first < balls; first++) {
            total += countCompositions(balls - first, boxes - 1);
        }
        return total;
    }

    private static BigInteger factorial(int n) {
        BigInteger f = BigInteger.ONE;
        for (int i = 2; i <= n; i++) {
            f = f.multiply(BigInteger.valueOf(i));
        }
        return f;
    }

    private static int trailingZeros(BigInteger n) {
        String s = n.toString();
        return s.length() - s.replaceAll("0+$", "").length();
    }

    private static boolean isPrime(int n) {
        return n > 1 && IntStream.rangeClosed(2, (int) Math.sqrt(n)).noneMatch(d -> n % d == 0);
    }

    private static boolean isPower(int n, int k) {
        long r = Math.round(Math.pow(n, 1.0 / k));
        for (long c = Math.max(0, r - 1); c <= r + 1; c++) {
            long p = 1;
            for (int i = 0; i < k; i++) {
                p *= c;
            }
            if (p == n) {
                return true;
            }
        }
        return false;
    }

    private static boolean strictlyIncreasing(int n) {
        String s = String.valueOf(n);
        for (int i = 0; i + 1 < s.length(); i++) {
            if (s.charAt(i) >= s.charAt(i + 1)) {
                return false;
            }
        }
        return true;
    }
}
