package io.smsgw.deploy;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the repository's deployment files are, for tests run by Maven or an IDE. */
final class Repository {

	private Repository() {
	}

	/** The repository root: {@code -Dsmsgw.root}, else the parent of the working directory. */
	static Path root() {
		String configured = System.getProperty("smsgw.root");
		Path root = (configured != null) ? Path.of(configured) : Path.of("..");
		root = root.toAbsolutePath().normalize();
		if (!Files.isDirectory(root.resolve("helm/smsgw"))) {
			throw new IllegalStateException("No helm/smsgw under " + root);
		}
		return root;
	}

	static Path chart() {
		return MonitoringQueries.chart(root());
	}

}
