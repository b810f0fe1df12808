package io.polyglot.bench.harness;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The check that makes a comparison mean something: before anything is timed, every
 * target answers the same sample of questions and each answer must equal the reference
 * target's. A mismatch fails the run: a faster wrong answer is no result.
 */
public final class Equivalence {

	private Equivalence() {
	}

	/** A question answered by one target; the answer must be comparable with equals. */
	@FunctionalInterface
	public interface Answer {

		Object answer(int sample) throws Exception;

	}

	/**
	 * Asks every target {@code samples} questions; the first entry of {@code targets} is
	 * the reference.
	 * @throws MismatchException naming the workload, sample and both answers
	 */
	public static void check(String workload, int samples, Map<String, Answer> targets) {
		List<String> names = new ArrayList<>(targets.keySet());
		if (names.size() < 2) {
			return;
		}
		String reference = names.get(0);
		for (int sample = 0; sample < samples; sample++) {
			Object expected = ask(workload, reference, targets.get(reference), sample);
			for (String name : names.subList(1, names.size())) {
				Object actual = ask(workload, name, targets.get(name), sample);
				if (!Objects.equals(expected, actual)) {
					throw new MismatchException(workload + ": sample " + sample + ": " + name + " answered "
							+ abbreviate(actual) + " but " + reference + " answered " + abbreviate(expected));
				}
			}
		}
	}

	private static Object ask(String workload, String name, Answer answer, int sample) {
		try {
			return answer.answer(sample);
		}
		catch (Exception ex) {
			throw new MismatchException(workload + ": sample " + sample + ": " + name + " failed: " + ex, ex);
		}
	}

	private static String abbreviate(Object value) {
		String text = String.valueOf(value);
		return (text.length() > 300) ? text.substring(0, 300) + "..." : text;
	}

	/** Two targets answered the same question differently. */
	public static final class MismatchException extends RuntimeException {

		MismatchException(String message) {
			super(message);
		}

		MismatchException(String message, Throwable cause) {
			super(message, cause);
		}

	}

	/** Shorthand for building the ordered target map. */
	public static Map<String, Answer> targets(Object... nameAnswerPairs) {
		Map<String, Answer> map = new java.util.LinkedHashMap<>();
		for (int i = 0; i < nameAnswerPairs.length; i += 2) {
			map.put((String) nameAnswerPairs[i], (Answer) nameAnswerPairs[i + 1]);
		}
		return map;
	}

}
