"""Monotone alignment of footnotes to sentences: where each footnote is first cited.

Wikipedia numbers footnotes by first citation, so footnote n+1 is first cited in the same sentence as
footnote n or after it. Each footnote's first citation is a hidden sentence index; consecutive ones
are a gap apart, drawn from a prior; each (footnote, sentence) pair has an evidence ratio from content
and position. Forward-backward gives, for every footnote, the posterior probability of each sentence
over all monotone alignments: a calibrated confidence rather than a single guess.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

Array = NDArray[np.float64]


@dataclass(frozen=True)
class GapPrior:
    """Distribution of the number of sentences between consecutive first citations.

    `same` is the chance that the next footnote is first cited in the same sentence ([1][2] on one
    sentence); otherwise the gap is geometric with mean `mean` (at least one sentence).
    """

    same: float
    mean: float

    @property
    def _ratio(self) -> float:
        return 1.0 - 1.0 / max(self.mean, 1.0 + 1e-6)

    def kernel(self, length: int, floor: float = 0.0) -> Array:
        """Probabilities of gaps 0..length-1: cut where they fall below 1e-15, or with a `floor`, never cut and
        never below it (confirmed placements may stand further apart than the cut allows)."""
        cut = length if floor else min(length, 2 + int(np.log(1e-15) / np.log(self._ratio)))
        gaps = np.arange(cut, dtype=np.float64)
        kernel = (1.0 - self.same) * (1.0 - self._ratio) * self._ratio ** np.maximum(gaps - 1.0, 0.0)
        kernel[0] = self.same
        return np.maximum(kernel, floor)

    def edge(self, length: int, floor: float = 0.0) -> Array:
        """Probabilities of the first citation's distance from the body's start (and the last one's from its end)."""
        edge: Array = np.power(self._ratio, np.arange(length, dtype=np.float64))
        return np.maximum(np.asarray(edge / edge.sum(), dtype=np.float64), floor)

    @classmethod
    def for_article(cls, sentences: int, notes: int, same: float) -> GapPrior:
        """The prior whose mean gap spreads the footnotes over the whole body, as Wikipedia's articles do."""
        return cls(same, max(sentences / max(notes, 1) / (1.0 - same), 1.05))


def _causal(values: Array, kernel: Array) -> Array:
    """out[s] = sum over d of values[s - d] * kernel[d]."""
    return np.convolve(values, kernel)[: len(values)]


def _anticausal(values: Array, kernel: Array) -> Array:
    """out[s] = sum over d of values[s + d] * kernel[d]."""
    return np.convolve(values[::-1], kernel)[: len(values)][::-1]


def posteriors(
    evidence: Array, prior: GapPrior, elsewhere: float | Array = 0.0, open_end: bool = False, floor: float = 0.0
) -> tuple[Array, float]:
    """Posterior P(footnote n first cited in sentence s) for every n, s, and the log marginal likelihood.

    `evidence[n, s]` is the likelihood ratio of footnote n's first citation standing in sentence s;
    rows may be scaled freely (only ratios within a row matter). `elsewhere` is the prior chance
    (one for all, or one per footnote) that a footnote is first cited outside the body's sentences (an
    infobox, a table, an image): such a footnote leaves the chain where it was, and its row sums to
    less than one. With `open_end`, the chain may stop anywhere (a group of notes whose numbering
    goes on in another group); otherwise its last footnote stands near the body's end. A `floor` on the gap
    prior (``GapPrior.kernel``) keeps every monotone alignment possible, however far apart rows with a single
    possible sentence (confirmed placements) stand.
    """
    notes, length = evidence.shape
    away = np.broadcast_to(np.asarray(elsewhere, dtype=np.float64), (notes,))
    kernel, edge = prior.kernel(length, floor), prior.edge(length, floor)
    # the chain's state: the sentence of the last placed footnote; index `length`: none placed yet
    state = np.zeros(length + 1)
    state[length] = 1.0
    placed = np.empty_like(evidence)
    scales = np.empty(notes)
    for n in range(notes):
        reach = state[length] * edge + _causal(state[:length], kernel)
        placed[n] = (1.0 - away[n]) * reach * evidence[n]
        state = away[n] * state
        state[:length] += placed[n]
        scales[n] = state.sum() or 1e-300
        state /= scales[n]
        placed[n] /= scales[n]
    end = np.ones(length + 1) if open_end else np.append(edge[::-1], edge[-1])
    total = float(state @ end)
    after = end / max(total, 1e-300)
    joint = np.empty_like(evidence)
    for n in range(notes - 1, -1, -1):
        joint[n] = placed[n] * after[:length]
        onward = (1.0 - away[n]) * evidence[n] * after[:length]
        after = away[n] * after
        after[:length] += _anticausal(onward, kernel)
        after[length] += onward @ edge
        after /= scales[n]
    return joint, float(np.log(scales).sum() + np.log(max(total, 1e-300)))
