package dev.quarry.mixes.tokenize;

import java.util.Arrays;
import java.util.Base64;

/**
 * tiktoken's byte-pair encoding of one piece, computed on token ids instead of byte strings.
 * jtokkit merges a piece by looking up byte sub-arrays of it in a {@code HashMap} — hashing and
 * comparing bytes for every candidate pair, again after every merge — which made it the
 * tokenizer's costliest step on pieces of a few dozen bytes and more (CJK runs, long words, code).
 * Here every pair of tokens whose bytes concatenate to a token is found once, when the
 * vocabulary is loaded: a merge then looks up two ints in a primitive table (most lookups are
 * answered by a small filter or a byte-pair table that stay in the CPU's cache), and the piece's
 * bytes are hashed once, for the whole-piece check. On real text that byte-pair encodes the
 * pieces two to three times faster than jtokkit.
 *
 * <p>The ids are exactly tiktoken's (and jtokkit's): a piece that is itself a token is that
 * token, even where merging would split it differently; otherwise the piece starts as its
 * single-byte tokens and the adjacent pair whose concatenation has the lowest rank is merged,
 * the leftmost of equal ranks first, until no adjacent pair concatenates to a token. In tiktoken
 * a token's id is its rank, so the pair table's merged id is also the rank that orders merges.
 * Every part stays a token throughout, so a pair of parts can merge exactly when their ids are
 * in the table — which holds every split of every token into two tokens.
 *
 * <p>Immutable and thread-safe: one instance per encoding serves the whole JVM.
 */
final class MergeRanks {
  /**
   * Pieces up to this many bytes merge by scanning all adjacent pairs for the lowest rank after
   * each merge (quadratic, but a tight loop over a few ints: the fastest way for short pieces);
   * longer ones through a heap of pairs, O(n log n) — faster from about 64 bytes on real text,
   * and a megabyte of one repeated byte cannot stall a thread.
   */
  static final int SCAN_LIMIT = 64;

  /** The merged id of a pair that does not merge: above every id, so scans need no test. */
  private static final int NO_MERGE = Integer.MAX_VALUE;
  private static final int NO_TOKEN = -1;
  /**
   * Bits of an id in a pair entry: an entry packs left id, right id and merged id into one long
   * (21 + 21 + 21 bits), so a lookup reads one array slot — one cache miss, not two.
   */
  private static final int ID_BITS = 21;
  private static final long ID_MASK = (1L << ID_BITS) - 1;
  /** An empty slot: its key bits ({@code entry >>> ID_BITS}) exceed every pair's key. */
  private static final long NO_PAIR = -1L;
  private static final long GOLDEN = 0x9E3779B97F4A7C15L;
  /** A second odd multiplier, so the filter's bit and the table's slot do not go together. */
  private static final long FILTER_MIX = 0xC2B2AE3D27D4EB4FL;

  /** Every token's bytes, concatenated in id order. */
  private final byte[] tokenBytes;
  /** Token {@code id} is {@code tokenBytes[tokenStart[id], tokenStart[id + 1])}; empty: no id. */
  private final int[] tokenStart;
  private final int longestToken;
  /** Open addressing over the tokens' bytes: an id, or {@link #NO_TOKEN} for an empty slot. */
  private final int[] vocabulary;
  private final int vocabularyMask;
  private final int[] byteIds = new int[256];
  /**
   * What two bytes merge into, indexed {@code first << 8 | second}, or {@link #NO_MERGE}. A
   * piece's first round of pairs is all bytes: 256 KB that stay in the core's cache answer it
   * instead of the pair table (several MB, a cache miss per lookup).
   */
  private final int[] byteMerges = new int[256 * 256];
  /**
   * Open addressing over pairs of ids: {@code (left << ID_BITS | right) << ID_BITS | merged},
   * or {@link #NO_PAIR}.
   */
  private final long[] pairTable;
  private final int pairShift;
  private final int pairMask;
  /**
   * One bit per hash of a pair, set for the pairs of {@link #pairTable}: most pairs looked up
   * during a merge do not merge (three in four on real text), and a clear bit in this table —
   * 16 bits a pair, small enough to stay in the core's cache — says so without the cache miss
   * into the pair table. A set bit may be a collision; the table decides.
   */
  private final long[] pairFilter;
  private final int filterShift;
  private final int tokens;
  private final int pairs;

  private MergeRanks(byte[][] byId, int tokens) {
    this.tokens = tokens;
    int total = 0;
    int longest = 0;
    for (byte[] token : byId) {
      if (token != null) {
        total += token.length;
        longest = Math.max(longest, token.length);
      }
    }
    this.longestToken = longest;
    this.tokenBytes = new byte[total];
    this.tokenStart = new int[byId.length + 1];
    int at = 0;
    for (int id = 0; id < byId.length; id++) {
      tokenStart[id] = at;
      if (byId[id] != null) {
        System.arraycopy(byId[id], 0, tokenBytes, at, byId[id].length);
        at += byId[id].length;
      }
    }
    tokenStart[byId.length] = at;

    // At most half full, so a lookup of bytes that are no token ends after a probe or two.
    int slots = Integer.highestOneBit(Math.max(2, tokens) * 2 - 1) << 1;
    this.vocabulary = new int[slots];
    this.vocabularyMask = slots - 1;
    Arrays.fill(vocabulary, NO_TOKEN);
    for (int id = 0; id < byId.length; id++) {
      if (byId[id] != null) {
        addToken(id);
      }
    }
    for (int b = 0; b < 256; b++) {
      byteIds[b] = idOf(new byte[] {(byte) b}, 0, 1);
      if (byteIds[b] == NO_TOKEN) {
        throw new IllegalArgumentException("the byte " + b + " is no token: byte-pair encoding"
            + " needs every single byte in the vocabulary");
      }
    }

    byte[] two = new byte[2];
    for (int pair = 0; pair < byteMerges.length; pair++) {
      two[0] = (byte) (pair >>> 8);
      two[1] = (byte) pair;
      int id = idOf(two, 0, 2);
      byteMerges[pair] = id == NO_TOKEN ? NO_MERGE : id;
    }

    // Every split of every token into two tokens, collected first to size the table.
    long[] entries = new long[Math.max(16, tokens * 2)];
    int found = 0;
    for (int id = 0; id < byId.length; id++) {
      int start = tokenStart[id];
      int end = tokenStart[id + 1];
      for (int split = start + 1; split < end; split++) {
        int left = idOf(tokenBytes, start, split);
        int right = left == NO_TOKEN ? NO_TOKEN : idOf(tokenBytes, split, end);
        if (right != NO_TOKEN) {
          if (found == entries.length) {
            entries = Arrays.copyOf(entries, 2 * found);
          }
          entries[found++] = pairKey(left, right) << ID_BITS | id;
        }
      }
    }
    this.pairs = found;
    // Between a third and two thirds full: short probes, 8 bytes a slot.
    int pairSlots = Integer.highestOneBit(Math.max(2, found + found / 2) - 1) << 1;
    this.pairTable = new long[pairSlots];
    this.pairMask = pairSlots - 1;
    this.pairShift = 64 - Integer.numberOfTrailingZeros(pairSlots);
    Arrays.fill(pairTable, NO_PAIR);
    int filterBits = Integer.highestOneBit(Math.max(64, 16 * found) - 1) << 1;
    this.pairFilter = new long[filterBits / 64];
    this.filterShift = 64 - Integer.numberOfTrailingZeros(filterBits);
    for (int i = 0; i < found; i++) {
      int bit = filterBit(entries[i] >>> ID_BITS);
      pairFilter[bit >>> 6] |= 1L << bit;
      int slot = pairSlot(entries[i] >>> ID_BITS);
      while (pairTable[slot] != NO_PAIR) {
        slot = (slot + 1) & pairMask;
      }
      pairTable[slot] = entries[i];
    }
  }

  /**
   * The merge tables of a tiktoken rank file (lines of {@code base64(token bytes) rank}, as
   * {@link RankFile#bytes} reads it).
   *
   * @throws IllegalArgumentException when the file repeats a rank or a token, lacks one of the
   *     256 single bytes (which byte-pair encoding starts from), or has a rank of 2^21 - 1 or
   *     more (the tiktoken vocabularies stop near 200,000)
   */
  static MergeRanks of(byte[] rankFileBytes) {
    Base64.Decoder base64 = Base64.getDecoder();
    byte[][][] byId = {new byte[1 << 16][]};
    int[] tokens = {0};
    int[] largest = {-1};
    RankFile.forEach(rankFileBytes, (token, rank) -> {
      if (rank < 0 || rank >= ID_MASK) {
        throw new IllegalArgumentException("the rank " + rank + " is out of range: ranks are"
            + " packed in " + ID_BITS + " bits");
      }
      if (rank >= byId[0].length) {
        byId[0] = Arrays.copyOf(byId[0], Math.max(rank + 1, 2 * byId[0].length));
      }
      if (byId[0][rank] != null) {
        throw new IllegalArgumentException("the rank " + rank + " is given twice");
      }
      byte[] bytes = base64.decode(token);
      if (bytes.length == 0) {
        throw new IllegalArgumentException("the rank " + rank + " has an empty token");
      }
      byId[0][rank] = bytes;
      tokens[0]++;
      largest[0] = Math.max(largest[0], rank);
    });
    return new MergeRanks(Arrays.copyOf(byId[0], largest[0] + 1), tokens[0]);
  }

  /**
   * The ids of one whole piece, exactly as tiktoken encodes it. {@code piece} is not changed;
   * the returned array is new. (In the four published vocabularies merging a token's bytes
   * always ends in that token, so there the whole-piece check is a shortcut, not a correction;
   * the check keeps the ids tiktoken's for any vocabulary.)
   */
  int[] encode(byte[] piece) {
    int length = piece.length;
    if (length == 0) {
      return new int[0];
    }
    int whole = idOf(piece, 0, length);
    if (whole != NO_TOKEN) {
      return new int[] {whole};
    }
    return length <= SCAN_LIMIT ? mergeByScan(piece) : mergeByHeap(piece);
  }

  /** How many tokens the vocabulary has. */
  int tokens() {
    return tokens;
  }

  /** How many pairs of tokens merge into a token (the pair table's entries). */
  int pairs() {
    return pairs;
  }

  /** Bytes held by the tables, for logs and benchmarks. */
  long tableBytes() {
    return tokenBytes.length + 4L * tokenStart.length + 4L * vocabulary.length
        + 4L * byteIds.length + 4L * byteMerges.length + 8L * pairTable.length
        + 8L * pairFilter.length;
  }

  /**
   * Merges by rescanning the parts' adjacent pairs for the lowest rank after each merge. Package
   * access for tests, which check it against jtokkit on pieces of every length.
   */
  int[] mergeByScan(byte[] piece) {
    int count = piece.length;
    int[] ids = new int[count];
    for (int i = 0; i < count; i++) {
      ids[i] = byteIds[piece[i] & 0xff];
    }
    // merges[i]: what ids[i] and ids[i + 1] merge into, or NO_MERGE; count - 1 of them.
    int[] merges = new int[count];
    for (int i = 0; i + 1 < count; i++) {
      merges[i] = byteMerges[(piece[i] & 0xff) << 8 | (piece[i + 1] & 0xff)];
    }
    while (count > 1) {
      int lowest = NO_MERGE;
      int at = -1;
      for (int i = 0; i + 1 < count; i++) {
        if (merges[i] < lowest) { // strictly lower: the leftmost of equal ranks wins
          lowest = merges[i];
          at = i;
        }
      }
      if (at < 0) {
        break;
      }
      ids[at] = lowest;
      // Drop part at + 1, and the pair it started (the pair it ended is recomputed below).
      System.arraycopy(ids, at + 2, ids, at + 1, count - at - 2);
      System.arraycopy(merges, at + 2, merges, at + 1, Math.max(0, count - at - 3));
      count--;
      if (at + 1 < count) {
        merges[at] = merged(ids[at], ids[at + 1]);
      }
      if (at > 0) {
        merges[at - 1] = merged(ids[at - 1], ids[at]);
      }
    }
    return Arrays.copyOf(ids, count);
  }

  /**
   * Merges through a min-heap of candidate pairs keyed {@code rank << 32 | position} (so equal
   * ranks come out leftmost first), the parts linked by their start positions. A merge changes
   * only the pairs on either side of the merged part: they are pushed anew, and entries left
   * stale in the heap are recognised when popped — their rank is no longer the pair's at that
   * position — and skipped. Package access for tests.
   */
  int[] mergeByHeap(byte[] piece) {
    int length = piece.length;
    if (length == 0) {
      return new int[0];
    }
    // Parts are named by the position of their first byte; only live parts are linked.
    int[] ids = new int[length];
    int[] next = new int[length];
    int[] previous = new int[length];
    // merges[p]: what part p and the part after it merge into, or NO_MERGE (also for dead p).
    int[] merges = new int[length];
    long[] heap = new long[3 * length];
    int heapSize = 0;
    for (int i = 0; i < length; i++) {
      ids[i] = byteIds[piece[i] & 0xff];
      next[i] = i + 1;
      previous[i] = i - 1;
    }
    merges[length - 1] = NO_MERGE;
    for (int i = 0; i + 1 < length; i++) {
      merges[i] = byteMerges[(piece[i] & 0xff) << 8 | (piece[i + 1] & 0xff)];
      if (merges[i] != NO_MERGE) {
        heapSize = push(heap, heapSize, heapKey(merges[i], i));
      }
    }
    int parts = length;
    while (heapSize > 0) {
      long top = heap[0];
      heapSize = popTop(heap, heapSize);
      int rank = (int) (top >>> 32);
      int at = (int) top;
      if (merges[at] != rank) {
        continue; // stale: the part is gone or its pair has changed since
      }
      int gone = next[at];
      ids[at] = rank;
      merges[gone] = NO_MERGE;
      int after = next[gone];
      next[at] = after;
      if (after < length) {
        previous[after] = at;
      }
      parts--;
      merges[at] = after < length ? merged(ids[at], ids[after]) : NO_MERGE;
      if (merges[at] != NO_MERGE) {
        heapSize = push(heap, heapSize, heapKey(merges[at], at));
      }
      int before = previous[at];
      if (before >= 0) {
        merges[before] = merged(ids[before], ids[at]);
        if (merges[before] != NO_MERGE) {
          heapSize = push(heap, heapSize, heapKey(merges[before], before));
        }
      }
    }
    int[] out = new int[parts];
    for (int p = 0, i = 0; p < length; p = next[p]) {
      out[i++] = ids[p];
    }
    return out;
  }

  /** The id of the bytes {@code bytes[from, to)}, or {@link #NO_TOKEN}. */
  private int idOf(byte[] bytes, int from, int to) {
    int length = to - from;
    if (length > longestToken) {
      return NO_TOKEN;
    }
    for (int slot = hash(bytes, from, to) & vocabularyMask; ; slot = (slot + 1) & vocabularyMask) {
      int id = vocabulary[slot];
      if (id == NO_TOKEN) {
        return NO_TOKEN;
      }
      int start = tokenStart[id];
      if (tokenStart[id + 1] - start == length
          && Arrays.equals(tokenBytes, start, start + length, bytes, from, to)) {
        return id;
      }
    }
  }

  private void addToken(int id) {
    int start = tokenStart[id];
    int end = tokenStart[id + 1];
    if (idOf(tokenBytes, start, end) != NO_TOKEN) {
      throw new IllegalArgumentException("the token of rank " + id + " has another rank too");
    }
    int slot = hash(tokenBytes, start, end) & vocabularyMask;
    while (vocabulary[slot] != NO_TOKEN) {
      slot = (slot + 1) & vocabularyMask;
    }
    vocabulary[slot] = id;
  }

  /** What {@code left} and {@code right} merge into, or {@link #NO_MERGE}. */
  private int merged(int left, int right) {
    long key = pairKey(left, right);
    int bit = filterBit(key);
    if ((pairFilter[bit >>> 6] & 1L << bit) == 0) {
      return NO_MERGE;
    }
    for (int slot = pairSlot(key); ; slot = (slot + 1) & pairMask) {
      long entry = pairTable[slot];
      if (entry >>> ID_BITS == key) {
        return (int) (entry & ID_MASK);
      }
      if (entry == NO_PAIR) {
        return NO_MERGE;
      }
    }
  }

  private int pairSlot(long key) {
    // Fibonacci hashing: the top bits of the product mix both ids.
    return (int) ((key * GOLDEN) >>> pairShift);
  }

  private int filterBit(long key) {
    return (int) ((key * FILTER_MIX) >>> filterShift);
  }

  private static long pairKey(int left, int right) {
    return (long) left << ID_BITS | right;
  }

  private static int hash(byte[] bytes, int from, int to) {
    int h = 0x811C9DC5; // FNV-1a
    for (int i = from; i < to; i++) {
      h = (h ^ (bytes[i] & 0xff)) * 0x01000193;
    }
    return h ^ (h >>> 15);
  }

  private static long heapKey(int rank, int position) {
    return (long) rank << 32 | position;
  }

  /** Adds {@code key} to the binary min-heap {@code heap[0, size)}; returns the new size. */
  private static int push(long[] heap, int size, long key) {
    int i = size;
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      if (heap[parent] <= key) {
        break;
      }
      heap[i] = heap[parent];
      i = parent;
    }
    heap[i] = key;
    return size + 1;
  }

  /** Removes the least key of the binary min-heap {@code heap[0, size)}; returns the new size. */
  private static int popTop(long[] heap, int size) {
    int last = size - 1;
    long key = heap[last];
    int i = 0;
    while (true) {
      int child = 2 * i + 1;
      if (child >= last) {
        break;
      }
      if (child + 1 < last && heap[child + 1] < heap[child]) {
        child++;
      }
      if (heap[child] >= key) {
        break;
      }
      heap[i] = heap[child];
      i = child;
    }
    heap[i] = key;
    return last;
  }
}
