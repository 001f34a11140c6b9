package io.smsgw.smpp.cloudhopper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A self-signed PKCS12 key store made once per JVM with the JDK's keytool, for the TLS tests. */
final class TestKeyStores {

	static final String PASSWORD = "changeit-test";

	private static Path keyStore;

	private TestKeyStores() {
	}

	/** The path of the key store (it also serves as the client's trust store). */
	static synchronized String selfSigned() {
		if (keyStore == null) {
			try {
				Path dir = Files.createTempDirectory("smpp-tls");
				Path path = dir.resolve("smsc.p12");
				Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
						"-genkeypair", "-alias", "smsc", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
						"-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-storetype", "PKCS12",
						"-keystore", path.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD)
					.redirectErrorStream(true)
					.start();
				String output = new String(process.getInputStream().readAllBytes());
				if (process.waitFor() != 0) {
					throw new IllegalStateException("keytool failed: " + output);
				}
				path.toFile().deleteOnExit();
				dir.toFile().deleteOnExit();
				keyStore = path;
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
		return keyStore.toString();
	}

}
