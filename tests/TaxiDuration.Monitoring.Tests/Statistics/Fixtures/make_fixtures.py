#!/usr/bin/python3
"""Reference answers for TaxiDuration.Monitoring.Statistics, computed by scipy and numpy.

Regenerate (from this folder; Debian's scipy and numpy, not a virtualenv, so the versions are the distribution's):

    apt-get install -y python3-scipy python3-numpy
    /usr/bin/python3 make_fixtures.py        # writes statistics-fixtures.json next to this script

The committed statistics-fixtures.json was produced by scipy 1.10.1 and numpy 1.24.2 (Debian 12 packages); the
versions are also recorded inside the file under "generator". Inputs come from seeded numpy generators, so a rerun
with the same versions rewrites the same file byte for byte.

What is independent of the .NET code: every statistic and p-value below is scipy's or numpy's own output. Evidently
itself cannot be installed here, so its thin wrappers (chi-square scaling, z-test, Jensen-Shannon shares, the default
test choice) are written out below from Evidently's source (evidently/calculations/stattests/*.py, 0.4 line); the
PSI is the template's own definition, written out with numpy.
"""

import json
import math
import os
import warnings

import numpy as np
import scipy
from scipy import special, stats
from scipy.spatial import distance
from scipy.stats import _ksstats, _stats_py

HERE = os.path.dirname(os.path.abspath(__file__))
OUTPUT = os.path.join(HERE, "statistics-fixtures.json")

samples = {}


def enc(x):
    """JSON has no inf or NaN: write them as strings the tests parse back."""
    x = float(x)
    if math.isnan(x):
        return "nan"
    if math.isinf(x):
        return "inf" if x > 0 else "-inf"
    return x


def sample(name, values):
    """Store a sample once under a name; cases refer to it by name."""
    values = np.asarray(values, dtype=float)
    samples[name] = [enc(v) for v in values]
    return values


def int_sample(name, values):
    values = np.asarray(values, dtype=np.int64)
    samples[name] = [int(v) for v in values]
    return values


def rng(seed):
    return np.random.default_rng(seed)


# ---------------------------------------------------------------- Kolmogorov-Smirnov


def ks_method(a, b):
    """Which path ks_2samp took: 'exact', 'exact-fallback' (exact went out of [0, 1]) or 'asymp'."""
    n1, n2 = len(a), len(b)
    if max(n1, n2) > 10000:
        return "asymp"
    a, b = np.sort(a), np.sort(b)
    allv = np.concatenate([a, b])
    cdiff = np.searchsorted(a, allv, side="right") / n1 - np.searchsorted(b, allv, side="right") / n2
    d = max(np.clip(-cdiff.min(), 0, 1), cdiff.max())
    ok, _, _ = _stats_py._attempt_exact_2kssamp(n1, n2, math.gcd(n1, n2), d, "two-sided")
    return "exact" if ok else "exact-fallback"


def kolmogn_branch(n, x):
    """The branch of scipy's _kolmogn(n, x, cdf=False), for coverage notes."""
    if x <= 0.5 / n:
        return "support-low"
    if x >= 1:
        return "support-high"
    t = n * x
    if t <= 1:
        return "ruben-gambino-low"
    if t >= n - 1:
        return "ruben-gambino-high"
    if x >= 0.5:
        return "smirnov"
    nx2 = t * x
    if n <= 140:
        return "durbin" if nx2 <= 0.754693 else ("pomeranz" if nx2 <= 4 else "smirnov")
    if nx2 >= 370:
        return "zero"
    if nx2 >= 2.2:
        return "smirnov"
    return "durbin" if n <= 100000 and n * x ** 1.5 <= 1.4 else "pelz-good"


ks_cases = []


def ks_case(name, ref_name, cur_name):
    a, b = np.array(samples[ref_name], dtype=float), np.array(samples[cur_name], dtype=float)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        res = stats.ks_2samp(a, b)
    method = ks_method(a, b)
    branch = None
    if method != "exact":
        m, n = sorted([float(len(a)), float(len(b))], reverse=True)
        branch = kolmogn_branch(int(np.round(m * n / (m + n))), float(res.statistic))
    ks_cases.append({"name": name, "reference": ref_name, "current": cur_name, "statistic": enc(res.statistic),
                     "pvalue": enc(res.pvalue), "method": method, "branch": branch})


def quantile_sample(n, loc=0.0):
    """Evenly spread normal quantiles: two such samples differ by little, giving a small K-S statistic."""
    return stats.norm.ppf((np.arange(n) + 0.5) / n, loc=loc)


r = rng(1)
sample("ks_normal_50", r.normal(0, 1, 50))
sample("ks_normal_60_shifted", r.normal(0.6, 1, 60))
ks_case("small unequal sizes, shifted", "ks_normal_50", "ks_normal_60_shifted")

r = rng(2)
sample("ks_normal_100_a", r.normal(0, 1, 100))
sample("ks_normal_100_b", r.normal(0.1, 1.2, 100))
ks_case("equal sizes", "ks_normal_100_a", "ks_normal_100_b")
ks_case("identical samples", "ks_normal_100_a", "ks_normal_100_a")

r = rng(3)
sample("ks_ties_200", r.integers(0, 5, 200))
sample("ks_ties_150", r.integers(0, 6, 150))
ks_case("heavy ties", "ks_ties_200", "ks_ties_150")

r = rng(4)
sample("ks_unit_40", r.uniform(0, 1, 40))
sample("ks_far_30", r.uniform(10, 11, 30))
ks_case("disjoint samples", "ks_unit_40", "ks_far_30")

sample("ks_one_a", [1.0])
sample("ks_one_b", [2.0])
sample("ks_three", [0.5, 1.5, 2.5])
sample("ks_two", [3.0, -1.0])
sample("ks_five", [5.0, 1.0, 4.0, 2.0, 3.0])
sample("ks_five_shift", [1.5, 2.5, 3.5, 4.5, 5.5])
sample("ks_four", [2.2, 0.1, 3.3, 9.9])
sample("ks_seven", [1, 2, 3, 4, 5, 6, 7])
sample("ks_seven_shift", [1.5, 2.5, 3.5, 4.5, 5.5, 6.5, 7.5])
ks_case("one value each, different", "ks_one_a", "ks_one_b")
ks_case("one value each, equal", "ks_one_a", "ks_one_a")
ks_case("one against three", "ks_one_a", "ks_three")
ks_case("two against five", "ks_two", "ks_five")
ks_case("five against four", "ks_five", "ks_four")
ks_case("four against five", "ks_four", "ks_five")
ks_case("equal sizes five, d = 1/5 (exact out of range, asymptotic fallback)", "ks_five", "ks_five_shift")
ks_case("equal sizes seven, d = 1/7 (exact out of range, asymptotic fallback)", "ks_seven", "ks_seven_shift")

r = rng(5)
sample("ks_ref_1000", np.round(r.lognormal(2.5, 0.6, 1000), 2))
sample("ks_cur_5000", np.round(r.lognormal(2.55, 0.6, 5000), 2))
sample("ks_cur_10000", np.round(r.lognormal(2.5, 0.62, 10000), 2))
sample("ks_cur_10001", np.round(r.lognormal(2.5, 0.6, 10001), 2))
sample("ks_cur_100000", np.round(r.lognormal(2.6, 0.6, 100000), 1))
ks_case("1000 against 5000, exact", "ks_ref_1000", "ks_cur_5000")
ks_case("1000 against 10000, exact at the size limit", "ks_ref_1000", "ks_cur_10000")
ks_case("1000 against 10001, asymptotic", "ks_ref_1000", "ks_cur_10001")
ks_case("1000 against 100000, asymptotic, tiny p", "ks_ref_1000", "ks_cur_100000")

r = rng(6)
sample("ks_ref_2000", np.round(r.normal(0, 1, 2000), 5))
sample("ks_cur_2000", np.round(r.normal(0.05, 1, 2000), 5))
sample("ks_cur_1200", np.round(r.normal(0, 1.1, 1200), 5))
ks_case("2000 against 2000, exact equal sizes", "ks_ref_2000", "ks_cur_2000")
ks_case("2000 against 1200, exact unequal sizes", "ks_ref_2000", "ks_cur_1200")

r = rng(7)
sample("ks_ref_300", r.normal(0, 1, 300))
sample("ks_cur_20000_shift", np.round(r.normal(0.18, 1, 20000), 4))
sample("ks_ref_60", r.normal(0, 1, 60))
sample("ks_cur_30000", np.round(r.normal(0.15, 1, 30000), 4))
sample("ks_ref_5", [0.3, -1.2, 0.8, 2.0, -0.1])
sample("ks_cur_20000", np.round(r.normal(0, 1, 20000), 4))
ks_case("300 against 20000, asymptotic via one-sided Smirnov", "ks_ref_300", "ks_cur_20000_shift")
ks_case("60 against 30000, asymptotic with n <= 140", "ks_ref_60", "ks_cur_30000")
ks_case("5 against 20000, asymptotic with n = 5", "ks_ref_5", "ks_cur_20000")

sample("ks_quant_1100", quantile_sample(1100))
sample("ks_quant_11000_shift", np.round(quantile_sample(11000, loc=0.02), 5))
sample("ks_quant_15000", np.round(quantile_sample(15000), 5))
sample("ks_quant_15000_shift", np.round(quantile_sample(15000, loc=0.02), 5))
ks_case("1100 against 11000 near-identical, asymptotic via Durbin's matrix", "ks_quant_1100", "ks_quant_11000_shift")
ks_case("15000 against 15000 near-identical, asymptotic via Pelz-Good", "ks_quant_15000", "ks_quant_15000_shift")

r = rng(8)
sample("ks_nan_free_80", r.normal(0, 1, 80))
sample("ks_nan_free_90", r.normal(0.3, 1, 90))
ks_case("reference for the NaN-dropping test", "ks_nan_free_80", "ks_nan_free_90")

# kstwo.sf and smirnov directly, on a grid that visits every branch of scipy's _kolmogn.
kstwo_cases = []
for n in [1, 2, 3, 5, 10, 37, 100, 140, 141, 500, 990, 5000, 20000, 150000]:
    for x in [0.0001, 0.4 / n, 0.75 / n, 1.0 / n, 1.5 / n, 0.002, 0.005, 0.01, 0.02, 0.035, 0.05, 0.08, 0.12,
              0.2, 0.3, 0.45, 0.5, 0.7, 1.0 - 1.5 / n, 0.9999]:
        if not (0 < x < 1):
            continue
        sf = stats.kstwo.sf(x, n)
        kstwo_cases.append({"n": n, "x": x, "sf": enc(sf), "branch": kolmogn_branch(n, x)})

smirnov_cases = []
for n in [1, 2, 3, 7, 10, 50, 140, 141, 1000, 5000, 40000]:
    for x in [0.0, 0.3 / n, 1.0 / n, 1.7 / n, 0.01, 0.03, 0.06, 0.1, 0.25, 0.5, 0.8, 1.0 - 0.5 / n, 1.0]:
        if not (0 <= x <= 1):
            continue
        smirnov_cases.append({"n": n, "x": x, "sf": enc(special.smirnov(n, x))})

# ---------------------------------------------------------------- chi-square (Evidently's wrapper written out)


def evidently_chisquare(ref, cur):
    """evidently/calculations/stattests/chisquare_stattest.py::_chi_stat_test, with Python lists for the series."""
    keys = list(set(ref.tolist()) | set(cur.tolist()))
    ref_counts = {k: 0 for k in keys}
    cur_counts = {k: 0 for k in keys}
    for v in ref.tolist():
        ref_counts[v] += 1
    for v in cur.tolist():
        cur_counts[v] += 1
    k_norm = len(cur) / len(ref)
    f_exp = [ref_counts[k] * k_norm for k in keys]
    f_obs = [cur_counts[k] for k in keys]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        return stats.chisquare(f_obs, f_exp)


chi_cases = []


def chi_case(name, ref_name, cur_name):
    res = evidently_chisquare(np.array(samples[ref_name]), np.array(samples[cur_name]))
    chi_cases.append({"name": name, "reference": ref_name, "current": cur_name,
                      "statistic": enc(res.statistic), "pvalue": enc(res.pvalue)})


r = rng(20)
zones = np.arange(1, 31)
p_ref = r.dirichlet(np.ones(30))
p_cur = 0.9 * p_ref + 0.1 * r.dirichlet(np.ones(30))
int_sample("zones_ref_500", r.choice(zones, 500, p=p_ref))
int_sample("zones_cur_2000", r.choice(zones, 2000, p=p_cur))
int_sample("zones_cur_800_same", r.choice(zones, 800, p=p_ref))
chi_case("30 zones, mild shift", "zones_ref_500", "zones_cur_2000")
chi_case("30 zones, same distribution", "zones_ref_500", "zones_cur_800_same")
chi_case("identical samples", "zones_ref_500", "zones_ref_500")
int_sample("zones_cur_new_zone", np.concatenate([r.choice(zones, 300, p=p_ref), [99]]))
chi_case("zone absent from reference (expected 0: statistic inf, p 0)", "zones_ref_500", "zones_cur_new_zone")
int_sample("zones_cur_missing", r.choice(np.arange(1, 11), 400))
chi_case("zones absent from current", "zones_ref_500", "zones_cur_missing")
int_sample("cat_single_7", [7, 7, 7])
int_sample("cat_single_7_more", [7] * 10)
chi_case("one category in both (no degrees of freedom: p NaN)", "cat_single_7", "cat_single_7_more")
int_sample("cat_tiny_ref", [1])
int_sample("cat_tiny_cur", [1, 2, 3])
int_sample("cat_three_ref", [1, 2, 3, 1, 2, 3, 1, 1])
int_sample("cat_three_cur", [3, 3, 2, 1, 3])
chi_case("reference of one value", "cat_tiny_ref", "cat_tiny_cur")
chi_case("three categories, tiny samples", "cat_three_ref", "cat_three_cur")
p_far = r.dirichlet(np.ones(50))
p_near = 0.97 * p_far + 0.03 * r.dirichlet(np.ones(50))
int_sample("zones50_ref_1000", r.choice(np.arange(50), 1000, p=p_far))
int_sample("zones50_cur_3000", r.choice(np.arange(50), 3000, p=p_near))
int_sample("zones50_cur_20000_far", r.choice(np.arange(50), 20000, p=np.roll(p_far, 1) * 0.3 + p_far * 0.7))
chi_case("50 zones, small p", "zones50_ref_1000", "zones50_cur_3000")
chi_case("50 zones, p underflows", "zones50_ref_1000", "zones50_cur_20000_far")

pearson_cases = []
for obs, exp in [([16, 18, 16, 14, 12, 12], [16, 16, 16, 16, 16, 8]), ([5, 1], [4, 2]), ([10.5, 0, 3], [7.0, 3.5, 3.0]),
                 ([1000, 900, 1100], [1000, 1000, 1000]), ([3], [3])]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        res = stats.chisquare(obs, exp)
    pearson_cases.append({"observed": obs, "expected": exp, "statistic": enc(res.statistic), "pvalue": enc(res.pvalue)})

chi2_cases = []
for df in [1, 2, 3, 9, 29, 49, 264, 1000]:
    for x in [0.001, 0.5, 1.0, 3.0, 10.0, 29.0, 50.0, 100.0, 300.0, 1000.0, 3000.0]:
        chi2_cases.append({"x": x, "df": df, "sf": enc(stats.chi2.sf(x, df))})

# ---------------------------------------------------------------- z-test (Evidently's wrapper written out)


def evidently_z(ref, cur):
    """evidently/calculations/stattests/z_stattest.py::_z_stat_test."""
    ref_u, cur_u = set(ref.tolist()), set(cur.tolist())
    if len(ref_u) == 1 and len(cur_u) == 1 and ref_u == cur_u:
        return None, 1.0
    first = sorted(ref_u | cur_u)[0]
    r_bits = np.array([0 if x == first else 1 for x in ref.tolist()])
    c_bits = np.array([0 if x == first else 1 for x in cur.tolist()])
    n1, n2 = len(r_bits), len(c_bits)
    p1 = float(sum(r_bits)) / n1
    p2 = float(sum(c_bits)) / n2
    pooled = float(p1 * n1 + p2 * n2) / (n1 + n2)
    z = (p1 - p2) / np.sqrt(pooled * (1 - pooled) * (1.0 / n1 + 1.0 / n2))
    return z, 2 * (1 - stats.norm.cdf(np.abs(z)))


z_cases = []


def z_case(name, ref_name, cur_name):
    z, p = evidently_z(np.array(samples[ref_name]), np.array(samples[cur_name]))
    z_cases.append({"name": name, "reference": ref_name, "current": cur_name,
                    "statistic": enc(0.0 if z is None else z), "pvalue": enc(p)})


r = rng(30)
int_sample("bin_ref_500", r.binomial(1, 0.3, 500))
int_sample("bin_cur_800", r.binomial(1, 0.36, 800))
int_sample("bin_cur_300_same", r.binomial(1, 0.3, 300))
int_sample("bin_all_0", [0] * 40)
int_sample("bin_all_1", [1] * 25)
int_sample("bin_far_ref", r.binomial(1, 0.02, 900))
int_sample("bin_far_cur", r.binomial(1, 0.9, 900))
z_case("binary, shifted share", "bin_ref_500", "bin_cur_800")
z_case("binary, same share", "bin_ref_500", "bin_cur_300_same")
z_case("one and the same value in both (p = 1)", "bin_all_0", "bin_all_0")
z_case("one value each, different", "bin_all_0", "bin_all_1")
z_case("constant reference, mixed current", "bin_all_1", "bin_cur_300_same")
z_case("very different shares (p rounds to 0)", "bin_far_ref", "bin_far_cur")

# ---------------------------------------------------------------- Wasserstein


wasserstein_cases = []


def wasserstein_case(name, ref_name, cur_name):
    a, b = np.array(samples[ref_name], dtype=float), np.array(samples[cur_name], dtype=float)
    d = stats.wasserstein_distance(a, b)
    norm = d / max(np.std(a), 0.001)
    wasserstein_cases.append({"name": name, "reference": ref_name, "current": cur_name,
                              "distance": enc(d), "normalized": enc(norm)})


r = rng(40)
sample("w_ref_200", r.normal(10, 2, 200))
sample("w_cur_300", r.normal(10.5, 2.2, 300))
sample("w_ref_1500", np.round(r.gamma(2.0, 5.0, 1500), 1))
sample("w_constant", [4.0] * 30)
sample("w_const_cur", r.normal(4.0, 0.01, 50))
wasserstein_case("normal samples", "w_ref_200", "w_cur_300")
wasserstein_case("identical samples", "w_ref_200", "w_ref_200")
wasserstein_case("heavy ties", "ks_ties_200", "ks_ties_150")
wasserstein_case("disjoint samples", "ks_unit_40", "ks_far_30")
wasserstein_case("one value each", "ks_one_a", "ks_one_b")
wasserstein_case("tiny samples", "ks_two", "ks_five")
wasserstein_case("constant reference (std 0, scale 0.001)", "w_constant", "w_const_cur")
wasserstein_case("1500 against 100000", "w_ref_1500", "ks_cur_100000")

# ---------------------------------------------------------------- Jensen-Shannon


js_cases = []
for p, q, base in [([1.0, 0.0, 0.0], [0.0, 1.0, 0.0], 2.0), ([1.0, 0.0], [0.5, 0.5], None), ([1, 2, 3, 4], [4, 3, 2, 1], None),
                   ([0.2, 0.3, 0.5], [0.2, 0.3, 0.5], None), ([10, 0, 5, 1], [3, 3, 0, 9], 2.0),
                   ([0.25, 0.25, 0.5], [0.5, 0.4, 0.1], math.e)]:
    js_cases.append({"p": p, "q": q, "base": base, "distance": enc(distance.jensenshannon(p, q, base))})


def evidently_percents(ref, cur):
    """evidently/calculations/stattests/utils.py::get_binned_data, categorical branch, feel_zeroes=False."""
    keys = list(set(ref.tolist()) | set(cur.tolist()))
    ref_p = np.array([ref.tolist().count(k) / len(ref) for k in keys])
    cur_p = np.array([cur.tolist().count(k) / len(cur) for k in keys])
    return ref_p, cur_p


def evidently_js(ref, cur, numeric):
    """evidently/calculations/stattests/jensenshannon.py::_jensenshannon (n_bins unused for these branches, base 2)."""
    if numeric and len(np.unique(ref)) > 20:
        bins = np.histogram_bin_edges(np.concatenate([ref, cur]), bins="sturges")
        ref_p = np.histogram(ref, bins)[0] / len(ref)
        cur_p = np.histogram(cur, bins)[0] / len(cur)
    else:
        ref_p, cur_p = evidently_percents(ref, cur)
    return distance.jensenshannon(ref_p, cur_p, 2)


js_evidently_cases = []


def js_evidently_case(name, ref_name, cur_name, numeric):
    a, b = np.array(samples[ref_name]), np.array(samples[cur_name])
    js_evidently_cases.append({"name": name, "reference": ref_name, "current": cur_name, "numeric": numeric,
                               "distance": enc(evidently_js(a, b, numeric))})


js_evidently_case("30 zones, mild shift", "zones_ref_500", "zones_cur_2000", False)
js_evidently_case("zone absent from reference", "zones_ref_500", "zones_cur_new_zone", False)
js_evidently_case("zones absent from current", "zones_ref_500", "zones_cur_missing", False)
js_evidently_case("identical samples", "zones_ref_500", "zones_ref_500", False)
js_evidently_case("tiny samples", "cat_tiny_ref", "cat_tiny_cur", False)
js_evidently_case("numeric, Sturges bins over both samples", "w_ref_1500", "ks_cur_100000", True)
js_evidently_case("numeric with few values, as categories", "ks_ties_200", "ks_ties_150", True)

# ---------------------------------------------------------------- PSI (the template's definition, written out)

EPS = 0.0001


def psi_from_shares(ref_s, cur_s):
    ref_s = np.where(ref_s == 0, EPS, ref_s)
    cur_s = np.where(cur_s == 0, EPS, cur_s)
    return np.sum((cur_s - ref_s) * np.log(cur_s / ref_s))


def psi_numeric(ref, cur, bins=10):
    ref = np.sort(ref)
    edges = np.unique(np.quantile(ref, [i / bins for i in range(1, bins)]))
    ref_s = np.bincount(np.searchsorted(edges, ref, side="right"), minlength=len(edges) + 1) / len(ref)
    cur_s = np.bincount(np.searchsorted(edges, cur, side="right"), minlength=len(edges) + 1) / len(cur)
    return psi_from_shares(ref_s, cur_s)


def psi_categorical(ref, cur):
    ref_s, cur_s = evidently_percents(ref, cur)
    return psi_from_shares(ref_s, cur_s)


psi_cases = []


def psi_case(name, ref_name, cur_name, numeric):
    a, b = np.array(samples[ref_name]), np.array(samples[cur_name])
    value = psi_numeric(a.astype(float), b.astype(float)) if numeric else psi_categorical(a, b)
    psi_cases.append({"name": name, "reference": ref_name, "current": cur_name, "numeric": numeric, "psi": enc(value)})


psi_case("normal samples", "w_ref_200", "w_cur_300", True)
psi_case("identical samples", "w_ref_200", "w_ref_200", True)
psi_case("heavy ties (duplicate deciles collapse)", "ks_ties_200", "ks_ties_150", True)
psi_case("disjoint samples (empty bins take the epsilon)", "ks_unit_40", "ks_far_30", True)
psi_case("constant reference (one edge)", "w_constant", "w_const_cur", True)
psi_case("tiny samples", "ks_two", "ks_five", True)
psi_case("1000 against 100000", "ks_ref_1000", "ks_cur_100000", True)
psi_case("zones, mild shift", "zones_ref_500", "zones_cur_2000", False)
psi_case("zone absent from reference", "zones_ref_500", "zones_cur_new_zone", False)
psi_case("zones absent from current", "zones_ref_500", "zones_cur_missing", False)

# ---------------------------------------------------------------- histogram edges, shares, quantiles


sturges_cases = []
for name in ["w_ref_200", "ks_ties_200", "ks_one_a", "w_constant", "ks_five", "ks_ref_1000", "ks_cur_5000", "w_ref_1500"]:
    edges = np.histogram_bin_edges(np.array(samples[name], dtype=float), bins="sturges")
    sturges_cases.append({"values": name, "edges": [enc(e) for e in edges]})

histogram_cases = []
for name, edges in [("ks_ties_200", [0.0, 1.0, 2.0, 3.0, 4.0]), ("ks_ties_150", [0.0, 1.0, 2.0, 3.0, 4.0]),
                    ("w_ref_200", [6.0, 8.0, 10.0, 12.0, 14.0]), ("ks_five", [1.0, 3.0, 5.0]),
                    ("ks_five", [2.0, 2.0, 4.0])]:
    shares = np.histogram(np.array(samples[name], dtype=float), np.array(edges))[0] / len(samples[name])
    histogram_cases.append({"values": name, "edges": edges, "shares": [enc(s) for s in shares]})
for name in ["w_ref_200", "ks_cur_5000"]:
    values = np.array(samples[name], dtype=float)
    edges = np.histogram_bin_edges(values, bins="sturges")
    histogram_cases.append({"values": name, "edges": [enc(e) for e in edges],
                            "shares": [enc(s) for s in np.histogram(values, edges)[0] / len(values)]})

quantile_cases = []
for name in ["w_ref_200", "ks_ties_200", "ks_one_a", "ks_five", "ks_two", "w_constant", "ks_ref_1000"]:
    values = np.sort(np.array(samples[name], dtype=float))
    for q in [0.0, 0.1, 0.25, 0.3, 0.5, 0.7, 0.9, 0.95, 1.0] + [i / 10 for i in range(1, 10)]:
        quantile_cases.append({"values": name, "q": q, "value": enc(np.quantile(values, q))})

# ---------------------------------------------------------------- default test choice (Evidently's registry written out)


def evidently_default_test(ref, cur, kind):
    """evidently/calculations/stattests/registry.py::_get_default_stattest, numeric and categorical branches."""
    n_values = len(set(ref.tolist()) | set(cur.tolist()))
    if len(ref) <= 1000:
        if kind == "num" and n_values > 5:
            return "KolmogorovSmirnov"
        return "ChiSquare" if n_values > 2 else "ZTest"
    if kind == "num" and n_values > 5:
        return "Wasserstein"
    return "JensenShannon"


def evidently_score(test, ref, cur):
    if test == "KolmogorovSmirnov":
        p = stats.ks_2samp(ref, cur).pvalue
        return p, p <= 0.05
    if test == "ChiSquare":
        p = evidently_chisquare(ref, cur).pvalue
        return p, p < 0.05
    if test == "ZTest":
        p = evidently_z(ref, cur)[1]
        return p, p < 0.05
    if test == "Wasserstein":
        d = stats.wasserstein_distance(ref, cur) / max(np.std(ref), 0.001)
        return d, d >= 0.1
    d = evidently_js(ref, cur, numeric=ref.dtype.kind == "f")
    return d, d >= 0.1


selector_cases = []


def selector_case(name, ref_name, cur_name, kind):
    as_float = kind == "num"
    a = np.array(samples[ref_name], dtype=float if as_float else np.int64)
    b = np.array(samples[cur_name], dtype=float if as_float else np.int64)
    test = evidently_default_test(a, b, kind)
    score, drifted = evidently_score(test, a, b)
    selector_cases.append({"name": name, "reference": ref_name, "current": cur_name, "kind": kind, "test": test,
                           "score": enc(score), "drifted": bool(drifted)})


r = rng(50)
sample("sel_passengers_ref", r.choice([1, 2, 3, 4], 600, p=[0.7, 0.15, 0.1, 0.05]))
sample("sel_passengers_cur", r.choice([1, 2, 3, 4], 700, p=[0.6, 0.2, 0.1, 0.1]))
sample("sel_flag_ref", r.binomial(1, 0.1, 900))
sample("sel_flag_cur", r.binomial(1, 0.14, 900))
sample("sel_passengers_ref_big", r.choice([1, 2, 3, 4], 3000, p=[0.7, 0.15, 0.1, 0.05]))
int_sample("sel_zones_ref_big", r.choice(zones, 5000, p=p_ref))
int_sample("sel_zones_cur_big", r.choice(zones, 20000, p=p_cur))
int_sample("sel_payment_ref", r.choice([1, 2], 400, p=[0.65, 0.35]))
int_sample("sel_payment_cur", r.choice([1, 2], 450, p=[0.55, 0.45]))
selector_case("numeric, 1000 reference rows: K-S", "ks_ref_1000", "ks_cur_5000", "num")
selector_case("numeric, small reference, no drift: K-S", "ks_nan_free_80", "ks_nan_free_90", "num")
selector_case("numeric with 4 values: chi-square", "sel_passengers_ref", "sel_passengers_cur", "num")
selector_case("numeric with 2 values: z-test", "sel_flag_ref", "sel_flag_cur", "num")
selector_case("numeric, 1500 reference rows: Wasserstein", "w_ref_1500", "ks_cur_100000", "num")
selector_case("numeric, 2000 reference rows, small shift: Wasserstein", "ks_ref_2000", "ks_cur_2000", "num")
selector_case("numeric with 4 values, 3000 reference rows: Jensen-Shannon", "sel_passengers_ref_big", "sel_passengers_cur", "num")
selector_case("categorical, 500 reference rows: chi-square", "zones_ref_500", "zones_cur_2000", "cat")
selector_case("categorical, binary: z-test", "sel_payment_ref", "sel_payment_cur", "cat")
selector_case("categorical, 5000 reference rows: Jensen-Shannon", "sel_zones_ref_big", "sel_zones_cur_big", "cat")

# ---------------------------------------------------------------- write

fixtures = {
    "generator": {
        "script": "make_fixtures.py",
        "scipy": scipy.__version__,
        "numpy": np.__version__,
    },
    "samples": samples,
    "ks": ks_cases,
    "kstwo_sf": kstwo_cases,
    "smirnov_sf": smirnov_cases,
    "chisquare_evidently": chi_cases,
    "chisquare_pearson": pearson_cases,
    "chi2_sf": chi2_cases,
    "ztest_evidently": z_cases,
    "wasserstein": wasserstein_cases,
    "jensenshannon": js_cases,
    "jensenshannon_evidently": js_evidently_cases,
    "psi": psi_cases,
    "sturges": sturges_cases,
    "histogram": histogram_cases,
    "quantiles": quantile_cases,
    "selector": selector_cases,
}

with open(OUTPUT, "w", encoding="utf-8") as handle:
    json.dump(fixtures, handle, separators=(",", ":"), allow_nan=False)
    handle.write("\n")

if __name__ == "__main__":
    print(f"wrote {OUTPUT}: {os.path.getsize(OUTPUT)} bytes, scipy {scipy.__version__}, numpy {np.__version__}")
    for case in ks_cases:
        print(f"  ks  {case['method']:15} {str(case['branch']):20} p={case['pvalue']!r:24} {case['name']}")
    branches = sorted({c["branch"] for c in kstwo_cases})
    print("  kstwo branches:", branches)
