package io.smsgw.benchmark;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;

import io.smsgw.benchmark.RunReport.Percentiles;
import io.smsgw.benchmark.SoakVerdict.Check;

/**
 * Judges a soak: splits the load into thirds (the first is warm-up) and compares the last with
 * the second, figure by figure (see {@link SoakVerdict} for the limits): resident memory of every
 * process of the suite, the live heap of every service after a full GC (end of warm-up against
 * end of load), HTTP and accept-to-SMSC p99, the end-to-end backlog, the accepted rate.
 */
final class SoakVerdicts {

	private SoakVerdicts() {
	}

	static SoakVerdict judge(List<SoakSample> samples, Map<String, Map<String, Double>> heap, SendLog sent,
			java.util.function.BiFunction<Long, Long, long[]> acceptToSmsc, int rate, int durationSeconds, long loadEndMicros, boolean lossPassed) {
		double third = durationSeconds / 3.0;
		List<SoakSample> second = new ArrayList<>();
		List<SoakSample> last = new ArrayList<>();
		double[] intervals = new double[samples.size()];
		double previous = 0;
		for (int i = 0; i < samples.size(); i++) {
			SoakSample s = samples.get(i);
			intervals[i] = s.atSeconds() - previous;
			previous = s.atSeconds();
			if (!"load".equals(s.phase()) || s.atSeconds() <= third) {
				continue;
			}
			((s.atSeconds() <= 2 * third) ? second : last).add(s);
		}
		List<Check> checks = new ArrayList<>();
		if (second.isEmpty() || last.isEmpty()) {
			checks.add(new Check("too short to judge: no sample in the second or the last third", second.size(),
					last.size(), 1, false));
			return SoakVerdict.of(checks, lossPassed);
		}
		checks.add(SoakVerdict.rateHeld(weighted(second, samples, intervals), weighted(last, samples, intervals), rate));
		long start = sent.startMicros();
		long t1 = start + (long) (third * 1e6);
		long t2 = start + (long) (2 * third * 1e6);
		checks.add(SoakVerdict.latency("HTTP request p99 (ms)", Percentiles.ofMicros(sent.latenciesAnswered(t1, t2)).p99(),
				Percentiles.ofMicros(sent.latenciesAnswered(t2, loadEndMicros + 1)).p99()));
		checks.add(SoakVerdict.latency("accept -> submit_sm p99 (ms)", Percentiles.ofMicros(acceptToSmsc.apply(t1, t2)).p99(),
				Percentiles.ofMicros(acceptToSmsc.apply(t2, loadEndMicros + 1)).p99()));
		checks.add(SoakVerdict.backlog("not final (messages, mean)", mean(second, SoakSample::notFinal),
				mean(last, SoakSample::notFinal), rate));
		Set<String> processes = new LinkedHashSet<>(samples.get(0).processes().keySet());
		processes.remove("driver+simulator");
		// the broker is not ours and its heap is not sampled; it maps its segment indexes and grows
		// them with the data a run writes: its RSS is reported, not judged
		processes.remove("kafka");
		List<SoakSample> before = samples.subList(0, samples.indexOf(last.get(0)));
		for (String process : processes) {
			// a JVM's heap (-Xms = -Xmx) enters RSS page by page as it is first used: growth up to the
			// rise of the heap's peak is that, not a leak (a heap leak shows in the live heap check)
			double firstTouch = Math.max(0, max(last, heap(process)) - max(before, heap(process)));
			checks.add(SoakVerdict.memory("RSS " + process + " (MB, mean; last less heap first used)", mean(second, rss(process)),
					mean(last, rss(process)) - firstTouch));
		}
		Map<String, Double> warm = heap.getOrDefault("afterWarmup", Map.of());
		Map<String, Double> end = heap.getOrDefault("end", Map.of());
		warm.forEach((process, mb) -> checks.add(SoakVerdict.memory("live heap after full GC " + process + " (MB)", mb,
				end.getOrDefault(process, -1.0))));
		return SoakVerdict.of(checks, lossPassed);
	}

	private static ToDoubleFunction<SoakSample> rss(String process) {
		return (s) -> {
			SoakSample.ProcessSample p = s.processes().get(process);
			return (p == null) ? -1 : p.rssMb();
		};
	}

	private static ToDoubleFunction<SoakSample> heap(String process) {
		return (s) -> {
			SoakSample.ProcessSample p = s.processes().get(process);
			return (p == null) ? -1 : p.heapUsedMb();
		};
	}

	private static double max(List<SoakSample> samples, ToDoubleFunction<SoakSample> figure) {
		return samples.stream().mapToDouble(figure).filter((v) -> v >= 0).max().orElse(0);
	}

	/** Mean of the figures that could be read; -1 when none could. */
	static double mean(List<SoakSample> samples, ToDoubleFunction<SoakSample> figure) {
		return samples.stream().mapToDouble(figure).filter((v) -> v >= 0).average().orElse(-1);
	}

	/** Accepted per second over the samples, weighted by their intervals. */
	private static double weighted(List<SoakSample> part, List<SoakSample> all, double[] intervals) {
		double accepted = 0;
		double seconds = 0;
		for (SoakSample s : part) {
			double interval = intervals[all.indexOf(s)];
			accepted += s.acceptedPerSecond() * interval;
			seconds += interval;
		}
		return (seconds > 0) ? accepted / seconds : 0;
	}

}
