"""Training and calibrating the project's own extractive reader on SQuAD."""
