package io.smsgw.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * CPU time and memory of a process (and, for PostgreSQL, of its children), read from Linux's
 * {@code /proc}: {@code stat} for user + system time (with the time of children already
 * reaped), {@code status} for the peak resident set (VmHWM). Zero where /proc cannot be read.
 *
 * @param cpuMillis CPU time used so far (user + system), in milliseconds
 * @param peakRssKb the high-water mark of the resident set, in KiB (summed over a process tree)
 * @param jitMillis of {@code cpuMillis}, the time of the JVM's JIT compiler threads (0 for other processes)
 */
public record ProcessStats(long cpuMillis, long peakRssKb, long jitMillis) {

	/** Nothing read (no such process). */
	public static final ProcessStats NONE = new ProcessStats(0, 0, 0);

	/** USER_HZ: Linux reports times in 1/100 s on every mainstream architecture. */
	private static final long TICKS_PER_SECOND = 100;

	/** The process alone. */
	public static ProcessStats of(long pid) {
		return new ProcessStats(cpuMillis(pid, false), peakRssKb(pid), jitMillis(pid));
	}

	/** The process and every live descendant, plus the CPU of descendants that have exited. */
	public static ProcessStats ofTree(long pid) {
		long cpu = cpuMillis(pid, true);
		long rss = peakRssKb(pid);
		List<Long> children = ProcessHandle.of(pid).map((h) -> h.descendants().map(ProcessHandle::pid).toList())
			.orElse(List.of());
		for (long child : children) {
			cpu += cpuMillis(child, false);
			rss += peakRssKb(child);
		}
		return new ProcessStats(cpu, rss, 0);
	}

	/** The CPU used between an earlier reading and this one; the peak is this one's. */
	public ProcessStats since(ProcessStats earlier) {
		return new ProcessStats(Math.max(0, this.cpuMillis - earlier.cpuMillis), this.peakRssKb,
				Math.max(0, this.jitMillis - earlier.jitMillis));
	}

	/**
	 * CPU of the threads HotSpot names {@code C1 CompilerThreadN} and {@code C2 CompilerThreadN}
	 * (the kernel keeps 15 characters of a thread's name), those alive now: HotSpot may stop an idle
	 * compiler thread, and its time is then no longer counted.
	 */
	static long jitMillis(long pid) {
		Path tasks = Path.of("/proc", Long.toString(pid), "task");
		long millis = 0;
		try (Stream<Path> threads = Files.list(tasks)) {
			for (Path thread : threads.toList()) {
				try {
					String name = Files.readString(thread.resolve("comm")).strip();
					if (name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre")) {
						millis += ticks(Files.readString(thread.resolve("stat")), false) * 1000 / TICKS_PER_SECOND;
					}
				}
				catch (IOException | RuntimeException ex) {
					// the thread ended meanwhile
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			return 0;
		}
		return millis;
	}

	static long cpuMillis(long pid, boolean withReapedChildren) {
		try {
			String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
			return ticks(stat, withReapedChildren) * 1000 / TICKS_PER_SECOND;
		}
		catch (IOException | RuntimeException ex) {
			return 0;
		}
	}

	/** utime + stime (+ cutime + cstime) of a {@code stat} line of a process or a thread, in ticks. */
	private static long ticks(String stat, boolean withReapedChildren) {
		// the command name (field 2) may hold spaces: fields are counted after its closing parenthesis
		String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
		// fields[0] is field 3 (state): utime = 14, stime = 15, cutime = 16, cstime = 17
		long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
		if (withReapedChildren) {
			ticks += Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
		}
		return ticks;
	}

	static long peakRssKb(long pid) {
		try (Stream<String> lines = Files.lines(Path.of("/proc", Long.toString(pid), "status"))) {
			return lines.filter((line) -> line.startsWith("VmHWM:"))
				.map((line) -> Long.parseLong(line.replaceAll("[^0-9]", "")))
				.findFirst()
				.orElse(0L);
		}
		catch (IOException | RuntimeException ex) {
			return 0;
		}
	}

}
