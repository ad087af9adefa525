"""Answers as a user reads them: the JSON and text shapes of query and ``ask`` results.

- :mod:`~mra_graph.present.summary`: short references to nodes, relations and sources;
- :mod:`~mra_graph.present.answers`: query results as JSON;
- :mod:`~mra_graph.present.answer_text`: query results as sentences;
- :mod:`~mra_graph.present.ask_output`: the JSON and text of an answered question.
"""
