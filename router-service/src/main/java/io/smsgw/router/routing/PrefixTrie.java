package io.smsgw.router.routing;

import java.util.ArrayList;
import java.util.List;

/**
 * Digits to values: a decimal trie that answers, for a destination, the values of every prefix
 * of it, longest first. Built once, then read without locks by any number of threads.
 *
 * @param <T> the value type
 */
final class PrefixTrie<T> {

	private final Node<T> root = new Node<>();

	/** Adds a value under a digit prefix ({@code ""} = under every destination). */
	void add(String digits, T value) {
		Node<T> node = this.root;
		for (int i = 0; i < digits.length(); i++) {
			int digit = digits.charAt(i) - '0';
			if (node.children == null) {
				node.children = new Node[10];
			}
			if (node.children[digit] == null) {
				node.children[digit] = new Node<>();
			}
			node = node.children[digit];
		}
		node.values.add(value);
	}

	/** The value lists of every prefix of {@code digits} that has values, longest prefix first. */
	List<List<T>> matches(String digits) {
		List<List<T>> found = new ArrayList<>(4);
		Node<T> node = this.root;
		if (!node.values.isEmpty()) {
			found.add(node.values);
		}
		for (int i = 0; i < digits.length() && node.children != null; i++) {
			node = node.children[digits.charAt(i) - '0'];
			if (node == null) {
				break;
			}
			if (!node.values.isEmpty()) {
				found.add(node.values);
			}
		}
		java.util.Collections.reverse(found);
		return found;
	}

	private static final class Node<T> {

		private Node<T>[] children;

		private final List<T> values = new ArrayList<>(1);

	}

}
