package io.smsgw.common.event;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names an event type and its schema version. The serializer writes both as record headers;
 * the deserializer refuses a major version it does not know, so that such a record goes to the
 * dead-letter topic instead of being misread.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EventSchema {

	/** The event type name, stable across renames of the Java record. */
	String name();

	/** The schema version; bump it on an incompatible change. */
	int version();

}
