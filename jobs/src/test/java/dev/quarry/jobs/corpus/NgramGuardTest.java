package dev.quarry.jobs.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NgramGuardTest {
  private static void add(NgramGuard guard, int... keys) {
    for (int key : keys) {
      guard.add(new int[] {key});
    }
  }

  @Test
  void refusesTheWordThatWouldCompleteAUsedFiveGram() {
    NgramGuard guard = new NgramGuard();
    guard.begin();
    add(guard, 1, 2, 3, 4, 5, 9);
    guard.commit();
    guard.begin();
    add(guard, 1, 2, 3, 4);
    assertThat(guard.allows(new int[] {5})).isFalse();
    assertThat(guard.allows(new int[] {6})).isTrue();
    // A token of two words: its second word completes the used 5-gram 2 3 4 5 9.
    assertThat(guard.allows(new int[] {5, 9})).isFalse();
    assertThat(guard.allows(new int[] {})).isTrue();
  }

  @Test
  void aSentenceChecksAgainstItselfAndIsForgottenWhenRolledBack() {
    NgramGuard guard = new NgramGuard();
    guard.begin();
    add(guard, 1, 2, 3, 4, 5, 1, 2, 3, 4);
    assertThat(guard.allows(new int[] {5})).as("used earlier in the same sentence").isFalse();
    guard.rollBack();
    guard.begin();
    add(guard, 1, 2, 3, 4);
    assertThat(guard.allows(new int[] {5})).as("the sentence was rolled back").isTrue();
  }

  @Test
  void fewerThanFiveWordsCompleteNothing() {
    NgramGuard guard = new NgramGuard();
    guard.begin();
    add(guard, 7, 7, 7);
    assertThat(guard.allows(new int[] {7})).isTrue();
    add(guard, 7);
    assertThat(guard.allows(new int[] {7})).isTrue();
    add(guard, 7);
    assertThat(guard.allows(new int[] {7})).isFalse();
  }

  @Test
  void remembersManyGrams() {
    NgramGuard guard = new NgramGuard();
    guard.begin();
    for (int i = 0; i < 50_000; i++) {
      add(guard, i);
    }
    guard.commit();
    guard.begin();
    add(guard, 1000, 1001, 1002, 1003);
    assertThat(guard.allows(new int[] {1004})).isFalse();
    assertThat(guard.allows(new int[] {1005})).isTrue();
  }
}
