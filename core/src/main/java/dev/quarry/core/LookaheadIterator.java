package dev.quarry.core;

import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * An iterator whose elements are found one ahead by {@link #computeNext}: for readers and
 * per-partition Spark functions that skip, merge or multiply their input while streaming it.
 * Once {@code computeNext} has said there is nothing left it is not called again, and
 * {@link #onEnd} runs, once.
 */
public abstract class LookaheadIterator<T> implements Iterator<T> {
  private T next;
  private boolean finished;

  /** The next element, or null when there is none left (elements are never null). */
  protected abstract T computeNext();

  /** Runs once, when {@link #computeNext} has returned null: to check or release something. */
  protected void onEnd() {}

  @Override
  public final boolean hasNext() {
    if (next == null && !finished) {
      next = computeNext();
      if (next == null) {
        finished = true;
        onEnd();
      }
    }
    return next != null;
  }

  @Override
  public final T next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    T element = next;
    next = null;
    return element;
  }
}
