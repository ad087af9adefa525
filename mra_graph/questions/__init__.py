"""Questions to a model: its graph at a date, the queries over it and ``ask``.

- :mod:`~mra_graph.questions.graph`: the model as a networkx graph at a date;
- :mod:`~mra_graph.questions.queries`: who relates to whom, chains, paths, members, differences;
- :mod:`~mra_graph.questions.ask`: a question in words, read and answered; reading it takes
  :mod:`~mra_graph.questions.lexicon` (the words of each language),
  :mod:`~mra_graph.questions.dates`, :mod:`~mra_graph.questions.tagging` (the model's
  names), :mod:`~mra_graph.questions.analysis` (the words around them),
  :mod:`~mra_graph.questions.decide` and :mod:`~mra_graph.questions.relations` (what
  kind of question), :mod:`~mra_graph.questions.frames` (the readings, each answering
  itself) and :mod:`~mra_graph.questions.refusal`, all led by
  :mod:`~mra_graph.questions.reader`.
"""
