"""Questions to a model: its graph at a date, the queries over it and the ``ask`` grammar.

- :mod:`~mra_graph.questions.graph`: the model as a networkx graph at a date;
- :mod:`~mra_graph.questions.queries`: who relates to whom, chains, paths, members, differences;
- :mod:`~mra_graph.questions.grammar`: the words and patterns of questions, per language;
- :mod:`~mra_graph.questions.ask`: from a question in words to the query that answers it.
"""
