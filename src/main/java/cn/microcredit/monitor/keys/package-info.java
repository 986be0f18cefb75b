/** Fingerprints and primitive-array indexes: millions of loan and household keys in a small heap. */
package cn.microcredit.monitor.keys;
