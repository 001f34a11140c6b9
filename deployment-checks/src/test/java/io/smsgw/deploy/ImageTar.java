package io.smsgw.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;

/**
 * A minimal reader of the tar files Jib writes (the image tar and its gzipped layers): entry
 * names (with PAX long names), modes and, on request, contents. Enough to inspect an image
 * without a container engine.
 */
final class ImageTar {

	/** One entry: its path without a leading "./" or "/", its permission bits, its type flag. */
	record Entry(String path, int mode, char type, byte[] content) {
	}

	private ImageTar() {
	}

	/** The entries of a tar file, gzipped or not; contents kept for files whose name is wanted. */
	static Map<String, Entry> read(Path file, Predicate<String> keepContent) throws IOException {
		try (InputStream raw = Files.newInputStream(file)) {
			InputStream in = raw;
			if (file.getFileName().toString().endsWith(".gz")) {
				in = new GZIPInputStream(raw, 1 << 16);
			}
			return read(in, keepContent);
		}
	}

	private static Map<String, Entry> read(InputStream in, Predicate<String> keepContent) throws IOException {
		Map<String, Entry> entries = new LinkedHashMap<>();
		String longName = null;
		byte[] header = new byte[512];
		while (in.readNBytes(header, 0, 512) == 512 && header[0] != 0) {
			String name = text(header, 0, 100);
			String prefix = text(header, 345, 155);
			if (!prefix.isEmpty()) {
				name = prefix + "/" + name;
			}
			int mode = (int) octal(header, 100, 8);
			long size = octal(header, 124, 12);
			char type = (char) header[156];
			byte[] data = (type == 'x' || type == 'L' || keepContent.test(clean(longName != null ? longName : name)))
					? in.readNBytes((int) size) : skip(in, size);
			in.skipNBytes((512 - size % 512) % 512);
			if (type == 'x') {
				longName = paxPath(new String(data, StandardCharsets.UTF_8), longName);
			}
			else if (type == 'L') {
				longName = new String(data, StandardCharsets.UTF_8).trim();
			}
			else if (type != 'g') {
				String path = clean(longName != null ? longName : name);
				entries.put(path, new Entry(path, mode & 07777, type == 0 ? '0' : type, data));
				longName = null;
			}
		}
		return entries;
	}

	/** Writes the files of an image tar (flat: manifest, config, layers) into a directory. */
	static void extractFlat(Path file, Path dir) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			byte[] header = new byte[512];
			while (in.readNBytes(header, 0, 512) == 512 && header[0] != 0) {
				String name = clean(text(header, 0, 100));
				long size = octal(header, 124, 12);
				if (header[156] == '0' || header[156] == 0) {
					Path target = dir.resolve(Path.of(name).getFileName().toString());
					try (var out = Files.newOutputStream(target)) {
						long left = size;
						byte[] buffer = new byte[1 << 16];
						while (left > 0) {
							int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
							if (read < 0) {
								throw new IOException("truncated " + file);
							}
							out.write(buffer, 0, read);
							left -= read;
						}
					}
				}
				else {
					in.skipNBytes(size);
				}
				in.skipNBytes((512 - size % 512) % 512);
			}
		}
	}

	private static byte[] skip(InputStream in, long size) throws IOException {
		in.skipNBytes(size);
		return new byte[0];
	}

	private static String paxPath(String records, String current) {
		for (String record : records.split("\n")) {
			int space = record.indexOf(' ');
			if (space > 0 && record.startsWith("path=", space + 1)) {
				return record.substring(space + 6);
			}
		}
		return current;
	}

	private static String clean(String name) {
		String path = name.startsWith("./") ? name.substring(2) : name;
		path = path.startsWith("/") ? path.substring(1) : path;
		return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
	}

	private static String text(byte[] header, int offset, int length) {
		int end = offset;
		while (end < offset + length && header[end] != 0) {
			end++;
		}
		return new String(header, offset, end - offset, StandardCharsets.UTF_8);
	}

	private static long octal(byte[] header, int offset, int length) {
		String digits = text(header, offset, length).trim();
		return digits.isEmpty() ? 0 : Long.parseLong(digits, 8);
	}

}
