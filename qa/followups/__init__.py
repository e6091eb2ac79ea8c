"""How a follow-up question is read, part by part; `qa.conversation` puts the parts together."""
