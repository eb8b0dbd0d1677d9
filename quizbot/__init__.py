"""quizbot: a fact-checking quiz chatbot for German news articles."""

__version__ = "0.1.0"
