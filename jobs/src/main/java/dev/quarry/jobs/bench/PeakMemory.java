package dev.quarry.jobs.bench;

import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.SparkContext;
import org.apache.spark.executor.ExecutorMetrics;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerExecutorMetricsUpdate;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Peak memory during one run. From Spark's executor metrics (the peaks each finished task
 * reports, and executor heartbeats): the largest {@code JVMHeapMemory} (heap in use) and
 * {@code ProcessTreeJVMRSSMemory} (resident memory of the executor's process tree, only with
 * {@code spark.executor.processTreeMetrics.enabled}). Spark samples these every
 * {@code spark.executor.metrics.pollingInterval}; at 0 (Spark's default) only at heartbeats,
 * so short tasks report zeros, which count as unknown. In local mode the executor is this JVM,
 * and the kernel's own peak RSS of the process (VmHWM, reset before each run) is used instead.
 */
public final class PeakMemory extends SparkListener {
  /** How {@code peak_rss_bytes} was measured. */
  public static final String VMHWM = "vmhwm";
  public static final String VMHWM_SINCE_START = "vmhwm_since_start";
  public static final String PROCESS_TREE = "executor_process_tree";

  private final SparkContext sc;
  private final boolean local;
  private final AtomicLong heap = new AtomicLong();
  private final AtomicLong processTreeRss = new AtomicLong();
  private boolean rssReset;

  /** The peaks of one run; null where nothing was measured. */
  public record Peaks(Long heapBytes, Long rssBytes, String rssSource) {}

  private PeakMemory(SparkContext sc) {
    this.sc = sc;
    this.local = SparkCores.isLocal(sc.master());
  }

  /** Starts listening on {@code sc}; {@link #close} stops. */
  public static PeakMemory listen(SparkContext sc) {
    PeakMemory peaks = new PeakMemory(sc);
    sc.addSparkListener(peaks);
    return peaks;
  }

  /** Forgets earlier peaks; call just before the run. */
  public void start() {
    drain();
    heap.set(0);
    processTreeRss.set(0);
    rssReset = local && ProcStatus.resetPeakRss();
  }

  /** The peaks since {@link #start}; call just after the run. */
  public Peaks stop() {
    drain();
    Long heapBytes = heap.get() > 0 ? heap.get() : null;
    if (local) {
      Long vmhwm = ProcStatus.peakRssBytes();
      return new Peaks(heapBytes, vmhwm, vmhwm == null ? null
          : rssReset ? VMHWM : VMHWM_SINCE_START);
    }
    long rss = processTreeRss.get();
    return new Peaks(heapBytes, rss > 0 ? rss : null, rss > 0 ? PROCESS_TREE : null);
  }

  public void close() {
    sc.removeSparkListener(this);
  }

  @Override
  public void onTaskEnd(SparkListenerTaskEnd taskEnd) {
    record(taskEnd.taskExecutorMetrics());
  }

  @Override
  public void onExecutorMetricsUpdate(SparkListenerExecutorMetricsUpdate update) {
    CollectionConverters.asJava(update.executorUpdates()).values().forEach(this::record);
  }

  private void record(ExecutorMetrics metrics) {
    if (metrics != null) {
      heap.accumulateAndGet(metrics.getMetricValue("JVMHeapMemory"), Math::max);
      processTreeRss.accumulateAndGet(metrics.getMetricValue("ProcessTreeJVMRSSMemory"),
          Math::max);
    }
  }

  /** Waits until the listener has seen every event posted so far (task ends come late). */
  private void drain() {
    try {
      sc.listenerBus().waitUntilEmpty(10_000);
    } catch (TimeoutException e) {
      // Peaks of the last tasks may be missing; they are lower bounds then.
    }
  }
}
