package dev.quarry.mixes.tokenize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class PieceCacheTest {
  /** Encodes a piece as its byte values, and records which pieces it was asked for. */
  private final List<String> encoded = new ArrayList<>();
  private final Function<byte[], int[]> encoder = piece -> {
    encoded.add(new String(piece, StandardCharsets.UTF_8));
    int[] ids = new int[piece.length];
    for (int i = 0; i < piece.length; i++) {
      ids[i] = piece[i];
    }
    return ids;
  };

  private int[] idsOf(PieceCache cache, String piece, int padding) {
    byte[] utf8 = (piece + "#".repeat(padding)).getBytes(StandardCharsets.UTF_8);
    return cache.idsOf(utf8, utf8.length - padding, encoder);
  }

  @Test
  void encodesEachPieceOnceAndOnlyItsBytes() {
    PieceCache cache = new PieceCache(16);

    assertThat(idsOf(cache, "ab", 3)).containsExactly('a', 'b');
    assertThat(idsOf(cache, "ab", 0)).containsExactly('a', 'b');
    assertThat(idsOf(cache, "a", 1)).containsExactly('a');

    assertThat(encoded).containsExactly("ab", "a");
    assertThat(cache.size()).isEqualTo(2);
  }

  @Test
  void piecesWithTheSameHashStayApart() {
    PieceCache cache = new PieceCache(16);
    // "Aa" and "BB" have the same 31-polynomial hash.
    assertThat("Aa".hashCode()).isEqualTo("BB".hashCode());

    assertThat(idsOf(cache, "Aa", 0)).containsExactly('A', 'a');
    assertThat(idsOf(cache, "BB", 0)).containsExactly('B', 'B');
    assertThat(idsOf(cache, "Aa", 0)).containsExactly('A', 'a');
    assertThat(idsOf(cache, "BB", 0)).containsExactly('B', 'B');

    assertThat(encoded).containsExactly("Aa", "BB");
  }

  @Test
  void emptiesWhenFullSoMemoryStaysBounded() {
    PieceCache cache = new PieceCache(3);

    for (String piece : List.of("a", "b", "c", "d", "a", "d")) {
      idsOf(cache, piece, 0);
    }

    // a, b, c fill it; d empties it; a is encoded again; d is still held.
    assertThat(encoded).containsExactly("a", "b", "c", "d", "a");
    assertThat(cache.size()).isEqualTo(2);
    assertThat(cache.clears()).isEqualTo(1);
  }

  @Test
  void emptyPieceAndCapacityOne() {
    PieceCache cache = new PieceCache(1);

    assertThat(idsOf(cache, "", 2)).isEmpty();
    assertThat(idsOf(cache, "", 0)).isEmpty();
    assertThat(idsOf(cache, "x", 0)).containsExactly('x');

    assertThat(encoded).containsExactly("", "x");
    assertThatThrownBy(() -> new PieceCache(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
