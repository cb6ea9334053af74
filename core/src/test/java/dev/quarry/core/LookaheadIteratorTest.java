package dev.quarry.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

class LookaheadIteratorTest {

  /** The even numbers of a source, found one ahead; "end" in {@code pulled} at the end. */
  private static Iterator<Integer> evens(Iterator<Integer> source, List<Object> pulled) {
    return new LookaheadIterator<>() {
      @Override
      protected void onEnd() {
        pulled.add("end");
      }

      @Override
      protected Integer computeNext() {
        while (source.hasNext()) {
          int n = source.next();
          pulled.add(n);
          if (n % 2 == 0) {
            return n;
          }
        }
        return null;
      }
    };
  }

  @Test
  void yieldsWhatComputeNextFindsAndPullsOnlyAsFarAsAsked() {
    List<Object> pulled = new ArrayList<>();
    Iterator<Integer> evens = evens(List.of(1, 2, 3, 5, 6, 7).iterator(), pulled);

    assertThat(evens.hasNext()).isTrue();
    assertThat(evens.hasNext()).isTrue();
    assertThat(pulled).containsExactly(1, 2);
    assertThat(evens.next()).isEqualTo(2);
    assertThat(evens.next()).isEqualTo(6);
    assertThat(evens.hasNext()).isFalse();
    assertThat(evens.hasNext()).isFalse();
    assertThatThrownBy(evens::next).isInstanceOf(NoSuchElementException.class);
    assertThat(pulled).containsExactly(1, 2, 3, 5, 6, 7, "end"); // the end once, not again
  }
}
