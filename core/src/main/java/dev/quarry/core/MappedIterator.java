package dev.quarry.core;

import java.util.Iterator;
import java.util.function.Function;

/** An iterator that maps each element of another lazily: for per-partition Spark functions. */
public final class MappedIterator<A, B> implements Iterator<B> {
  private final Iterator<A> source;
  private final Function<A, B> mapping;

  private MappedIterator(Iterator<A> source, Function<A, B> mapping) {
    this.source = source;
    this.mapping = mapping;
  }

  public static <A, B> Iterator<B> of(Iterator<A> source, Function<A, B> mapping) {
    return new MappedIterator<>(source, mapping);
  }

  @Override
  public boolean hasNext() {
    return source.hasNext();
  }

  @Override
  public B next() {
    return mapping.apply(source.next());
  }
}
