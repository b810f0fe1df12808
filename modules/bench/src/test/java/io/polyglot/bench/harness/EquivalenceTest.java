package io.polyglot.bench.harness;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EquivalenceTest {

	@Test
	void targetsGivingTheSameAnswersPass() {
		assertThatCode(() -> Equivalence.check("fof", 50,
				Equivalence.targets("port", (Equivalence.Answer) (i) -> List.of(i, i + 1), "baseline",
						(Equivalence.Answer) (i) -> List.of(i, i + 1))))
			.doesNotThrowAnyException();
	}

	@Test
	void aWrongAnswerFailsTheCheckNamingTargetAndSample() {
		assertThatThrownBy(() -> Equivalence.check("fof", 50,
				Equivalence.targets("port", (Equivalence.Answer) (i) -> List.of(i, i + 1), "raw",
						(Equivalence.Answer) (i) -> List.of(i, i + 1), "baseline",
						(Equivalence.Answer) (i) -> (i == 17) ? List.of(i) : List.of(i, i + 1))))
			.isInstanceOf(Equivalence.MismatchException.class)
			.hasMessageContaining("sample 17")
			.hasMessageContaining("baseline answered [17]")
			.hasMessageContaining("port answered [17, 18]");
	}

	@Test
	void aTargetThatFailsToAnswerFailsTheCheck() {
		assertThatThrownBy(() -> Equivalence.check("search", 3,
				Equivalence.targets("port", (Equivalence.Answer) (i) -> "x", "baseline", (Equivalence.Answer) (i) -> {
					throw new IllegalStateException("relation does not exist");
				})))
			.isInstanceOf(Equivalence.MismatchException.class)
			.hasMessageContaining("baseline failed")
			.hasMessageContaining("relation does not exist");
	}

}
