package io.smsgw.common.codec;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Encode + segment of a 1,000-character message: GSM-7 with extension characters, UCS-2 with
 * emoji, Turkish with the national tables, and GSM-7 after transliteration. Run with
 * {@code ./mvnw -o -q -pl common-lib -Pjmh verify} (see docs/codec.md).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class SmsCodecBenchmark {

	private final SmsCodec codec = new SmsCodec(new CodecOptions(255, false, null, null));

	private final SmsCodec turkishCodec = new SmsCodec(
			new CodecOptions(255, false, NationalLanguage.TURKISH, NationalLanguage.TURKISH));

	private final String gsm = repeat("Meet at 10:30 [room 4] {bring €5} ~ ok? ");

	private final String ucs2 = repeat("Привет 😀 как дела? ");

	private final String turkish = repeat("Görüşürüz, iyi akşamlar! ");

	private final String typographic = repeat("\u201CHi\u201D \u2013 it\u2019s 10\u00A0am\u2026 ");

	private static String repeat(String unit) {
		return unit.repeat(1000 / unit.length() + 1).substring(0, 1000);
	}

	@Benchmark
	public EncodedMessage gsm7() {
		return this.codec.encode(this.gsm, 42);
	}

	@Benchmark
	public EncodedMessage ucs2() {
		return this.codec.encode(this.ucs2, 42);
	}

	@Benchmark
	public EncodedMessage turkishShiftTables() {
		return this.turkishCodec.encode(this.turkish, 42);
	}

	@Benchmark
	public EncodedMessage transliterated() {
		return this.codec.encode(this.typographic, 42, true);
	}

}
