package io.smsgw.benchmark;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * The hottest methods of a JFR recording: execution samples counted by top frame (self time) and
 * by any frame of the project's packages (where the time is spent beneath our code). Usage:
 * {@code java -cp benchmark/target/smsgw-benchmark.jar io.smsgw.benchmark.JfrSummary file.jfr [top]}.
 */
public final class JfrSummary {

	private static final java.util.Set<String> WAITS = java.util.Set.of("jdk.ThreadPark", "jdk.JavaMonitorWait",
			"jdk.ThreadSleep", "jdk.SocketRead", "jdk.JavaMonitorEnter");

	private JfrSummary() {
	}

	public static void main(String[] args) throws IOException {
		int top = (args.length > 1) ? Integer.parseInt(args[1]) : 25;
		Map<String, Integer> self = new HashMap<>();
		Map<String, Integer> ours = new HashMap<>();
		Map<String, Long> waits = new HashMap<>();
		int samples = 0;
		for (RecordedEvent event : RecordingFile.readAllEvents(Path.of(args[0]))) {
			String type = event.getEventType().getName();
			if (WAITS.contains(type)) {
				String frame = nearestOurs(event.getStackTrace());
				if (frame != null) {
					waits.merge(frame, event.getDuration().toMillis(), Long::sum);
				}
				continue;
			}
			if (!"jdk.ExecutionSample".equals(type)) {
				continue;
			}
			RecordedStackTrace stack = event.getStackTrace();
			if (stack == null || stack.getFrames().isEmpty()) {
				continue;
			}
			samples++;
			List<RecordedFrame> frames = stack.getFrames();
			self.merge(name(frames.get(0)), 1, Integer::sum);
			String frame = nearestOurs(stack);
			if (frame != null) {
				ours.merge(frame, 1, Integer::sum);
			}
		}
		System.out.printf("%d execution samples in %s%n%nself (top frame):%n", samples, args[0]);
		print(self, samples, top);
		System.out.printf("%nnearest io.smsgw frame:%n");
		print(ours, samples, top);
		System.out.printf("%nwaiting (park, monitor wait, sleep, socket read over 10-20 ms) by nearest io.smsgw frame, ms:%n");
		waits.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Long>comparingByValue().reversed())
			.limit(top)
			.forEach((e) -> System.out.printf("%10d  %s%n", e.getValue(), e.getKey()));
	}

	private static String nearestOurs(RecordedStackTrace stack) {
		if (stack == null) {
			return null;
		}
		for (RecordedFrame frame : stack.getFrames()) {
			if (frame.getMethod().getType().getName().startsWith("io.smsgw.")) {
				return name(frame);
			}
		}
		return null;
	}

	private static String name(RecordedFrame frame) {
		return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
	}

	private static void print(Map<String, Integer> counts, int samples, int top) {
		counts.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
			.limit(top)
			.forEach((e) -> System.out.printf("%6.1f%%  %s%n", e.getValue() * 100.0 / Math.max(1, samples), e.getKey()));
	}

}
