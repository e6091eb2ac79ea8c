"""Measuring the reader and the whole system: SQuAD metrics, article eval, benchmarks."""
