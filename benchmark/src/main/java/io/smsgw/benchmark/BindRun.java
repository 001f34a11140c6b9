package io.smsgw.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.smsgw.benchmark.RunReport.ProcessUse;
import io.smsgw.common.event.DispatchRequest;
import io.smsgw.common.event.Topics;
import io.smsgw.common.kafka.EventSerializer;
import io.smsgw.simulator.smsc.ReceivedSubmit;
import io.smsgw.simulator.smsc.SmscSimulator;

/**
 * One SMPP connection of the gateway against the simulator's own ceiling ({@code --mode bind}).
 * First the ceiling: a bare Cloudhopper client on one bind ({@link SmscCeiling}), same window,
 * same message count. Then the Kafka broker, the simulator (receipts on) and one
 * smpp-connector-service instance, and the dispatch requests written straight to the connector's
 * dispatch topic, as the router writes them, as fast as the broker takes them: a backlog that the
 * connector drains through its bind. Its submit_sm/s at the SMSC is compared with the ceiling; every
 * message must reach the SMSC once and have its {@code MessageSent} on Kafka.
 */
final class BindRun {

	private static final Logger log = LoggerFactory.getLogger(BindRun.class);

	/** Measured messages are numbered from this; the warm-up from 0. */
	private static final long MEASURED_FROM = Benchmark.SEQ_BLOCK;

	private BindRun() {
	}

	/**
	 * The result.
	 * @param messages measured messages
	 * @param window the window of the bind (and of the bare client)
	 * @param ceilingPerSecond the bare client's submit_sm/s on one bind
	 * @param submitsPerSecond the gateway's submit_sm/s, first to last submit of the measured messages
	 * @param shareOfCeiling the gateway's rate as a share of the ceiling (1 = equal)
	 * @param drainMillis from the first dispatch request written to Kafka to the last submit_sm at the SMSC
	 * @param notAtSmsc measured messages never submitted
	 * @param submittedTwice measured messages submitted more than once
	 * @param withoutOutcome measured messages without a {@code MessageSent} on Kafka
	 * @param receiptsUnanswered receipts (of all messages, warm-up included) the connector did not acknowledge
	 * @param connectorCpuMillisPerMessage the connector's CPU per measured message
	 * @param processes CPU and memory of each process over the measured run
	 */
	record BindReport(int messages, int window, double ceilingPerSecond, double submitsPerSecond,
			double shareOfCeiling, double drainMillis, int notAtSmsc, int submittedTwice, int withoutOutcome,
			int receiptsUnanswered, double connectorCpuMillisPerMessage, Map<String, ProcessUse> processes) {

		boolean passed() {
			return this.notAtSmsc == 0 && this.withoutOutcome == 0 && this.receiptsUnanswered == 0;
		}

	}

	static BindReport run(BenchmarkOptions options, Path lib) throws Exception {
		int window = options.window();
		log.info("Measuring the simulator's own ceiling: one bare bind, window {}", window);
		// warmed up as much as the connector will be, so that both figures are of compiled code
		SmscCeiling.measure(Math.max(1_000, options.warmup()), window);
		double ceiling = SmscCeiling.measure(options.messages(), window);
		log.info("Ceiling: {} submit_sm/s", Math.round(ceiling));
		Path work = (options.workDirectory() != null) ? Files.createDirectories(options.workDirectory())
				: Files.createTempDirectory("smsgw-bind-");
		BenchmarkOptions oneBind = options.with((b) -> {
			b.connectors = 1;
			b.binds = 1;
		});
		try (Suite suite = Suite.startConnectorOnly(oneBind, lib, work);
				KafkaProducer<String, Object> producer = producer(suite.bootstrapServers());
				KafkaConsumer<String, byte[]> outcomes = outcomeReader(suite.bootstrapServers())) {
			Duration timeout = Duration.ofSeconds(options.timeoutSeconds());
			if (options.warmup() > 0) {
				log.info("Warm-up: {} dispatch requests", options.warmup());
				List<String> ids = send(producer, 0, options.warmup());
				suite.simulator().awaitSubmits(options.warmup(), timeout);
				awaitOutcomes(outcomes, ids, timeout);
			}
			int before = suite.simulator().submits().size();
			Map<String, ProcessStats> statsBefore = suite.stats();
			long started = System.nanoTime();
			Instant startedAt = Instant.now();
			List<String> ids = send(producer, MEASURED_FROM, options.messages());
			log.info("{} dispatch requests on Kafka after {} ms", ids.size(), (System.nanoTime() - started) / 1_000_000);
			List<ReceivedSubmit> submits;
			try {
				submits = suite.simulator().awaitSubmits(before + options.messages(), timeout);
			}
			catch (TimeoutException ex) {
				log.warn("Not every message reached the SMSC in {}", timeout);
				submits = suite.simulator().submits();
			}
			Set<String> unseen = awaitOutcomes(outcomes, ids, timeout);
			int unanswered = awaitReceipts(suite.simulator(),
					(int) submits.stream().filter(ReceivedSubmit::accepted).count(), timeout);
			long micros = (System.nanoTime() - started) / 1_000;
			Map<String, ProcessUse> processes = RunAnalysis.usage(statsBefore, suite.stats(), micros);
			return report(options, window, ceiling, submits, startedAt, unseen.size(), unanswered, processes);
		}
	}

	private static BindReport report(BenchmarkOptions options, int window, double ceiling,
			List<ReceivedSubmit> submits, Instant startedAt, int withoutOutcome, int receiptsUnanswered,
			Map<String, ProcessUse> processes) {
		Map<Long, Integer> times = new LinkedHashMap<>();
		Instant first = null;
		Instant last = null;
		for (ReceivedSubmit submit : submits) {
			long seq = LoadDriver.seqOf(submit.destAddr());
			if (seq < MEASURED_FROM || !submit.accepted()) {
				continue;
			}
			times.merge(seq, 1, Integer::sum);
			first = (first == null || submit.receivedAt().isBefore(first)) ? submit.receivedAt() : first;
			last = (last == null || submit.receivedAt().isAfter(last)) ? submit.receivedAt() : last;
		}
		int twice = (int) times.values().stream().filter((n) -> n > 1).count();
		double rate = (first == null) ? 0
				: times.size() / Math.max(1e-3, Duration.between(first, last).toNanos() / 1e9);
		double drain = (last == null) ? 0 : Duration.between(startedAt, last).toNanos() / 1e6;
		ProcessUse connector = processes.get("smpp-connector-service#1");
		double perMessage = (connector == null) ? 0 : connector.cpuSeconds() * 1000 / options.messages();
		return new BindReport(options.messages(), window, ceiling, rate, rate / ceiling, drain,
				options.messages() - times.size(), twice, withoutOutcome, receiptsUnanswered, perMessage, processes);
	}

	/**
	 * Writes dispatch requests for messages {@code from} .. {@code from + count - 1}; returns their
	 * ids once the broker has every one (a write that failed is the driver's fault, not a loss of the gateway).
	 */
	private static List<String> send(KafkaProducer<String, Object> producer, long from, int count)
			throws InterruptedException, ExecutionException {
		List<String> ids = new ArrayList<>(count);
		List<Future<RecordMetadata>> writes = new ArrayList<>(count);
		String topic = Topics.dispatch(Suite.CONNECTOR);
		for (long seq = from; seq < from + count; seq++) {
			UUID id = UUID.randomUUID();
			DispatchRequest request = new DispatchRequest(id, Suite.TENANT, Suite.CONNECTOR,
					"+" + LoadDriver.destination(seq), "BENCH", "Benchmark message " + seq + ", sent by the load driver",
					1, Instant.now());
			writes.add(producer.send(new ProducerRecord<>(topic, id.toString(), request)));
			ids.add(id.toString());
		}
		producer.flush();
		for (Future<RecordMetadata> write : writes) {
			write.get();
		}
		return ids;
	}

	/**
	 * Waits until the connector acknowledged a receipt of every submit (so that none is left
	 * waiting when the suite stops); returns how many were not.
	 */
	private static int awaitReceipts(SmscSimulator simulator, int submits, Duration timeout)
			throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (simulator.deliverResponsesReceived() < submits && System.nanoTime() < deadline) {
			Thread.sleep(50);
		}
		return Math.max(0, submits - simulator.deliverResponsesReceived());
	}

	/**
	 * Reads {@code sms.mt.sent} on from where the reader stopped until each id has its outcome;
	 * returns the ids without one. One reader for the whole run, so the measured messages' outcomes
	 * are not looked for among the warm-up's again.
	 */
	private static Set<String> awaitOutcomes(KafkaConsumer<String, byte[]> outcomes, List<String> ids,
			Duration timeout) {
		Set<String> unseen = new HashSet<>(ids);
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!unseen.isEmpty() && System.nanoTime() < deadline) {
			for (ConsumerRecord<String, byte[]> record : outcomes.poll(Duration.ofMillis(200))) {
				unseen.remove(record.key());
			}
		}
		return unseen;
	}

	/** A reader of every committed record on {@code sms.mt.sent}, from its beginning. */
	private static KafkaConsumer<String, byte[]> outcomeReader(String bootstrap) {
		Properties p = new Properties();
		p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
		p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
		p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
		p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p);
		List<TopicPartition> partitions = consumer.partitionsFor(Topics.MT_SENT)
			.stream()
			.map((info) -> new TopicPartition(info.topic(), info.partition()))
			.toList();
		consumer.assign(partitions);
		consumer.seekToBeginning(partitions);
		return consumer;
	}

	private static KafkaProducer<String, Object> producer(String bootstrap) {
		Properties p = new Properties();
		p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
		p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
		p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, EventSerializer.class.getName());
		p.put(ProducerConfig.ACKS_CONFIG, "all");
		p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
		p.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
		return new KafkaProducer<>(p);
	}

	/** The result as a table. */
	static String table(BindReport r) {
		StringBuilder out = new StringBuilder();
		out.append(String.format("%n== one SMPP connection, window %d, %,d messages, receipts on ==%n", r.window(),
				r.messages()));
		out.append(String.format("%-40s %,10.0f%n", "simulator ceiling, bare client submit_sm/s", r.ceilingPerSecond()));
		out.append(String.format("%-40s %,10.0f (%.0f %% of the ceiling)%n", "gateway, one bind submit_sm/s",
				r.submitsPerSecond(), r.shareOfCeiling() * 100));
		out.append(String.format("%-40s %,10.0f ms%n", "backlog written -> last submit_sm", r.drainMillis()));
		out.append(String.format("%-40s %10.3f ms%n", "connector CPU per message", r.connectorCpuMillisPerMessage()));
		out.append(String.format("%-40s %s: %d not at the SMSC, %d submitted twice, %d without MessageSent, "
				+ "%d receipts unanswered%n", "loss check", r.passed() ? "PASSED" : "FAILED", r.notAtSmsc(),
				r.submittedTwice(), r.withoutOutcome(), r.receiptsUnanswered()));
		ReportWriter.processes(out, r.processes());
		return out.toString();
	}

}
