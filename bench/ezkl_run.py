#!/usr/bin/env python3
"""One EZKL pipeline on one model, measured step by step (run by vs_ezkl.py).

Steps, in order, each through EZKL's Python API in this one process:
gen_settings, calibrate_settings, compile_circuit, gen_srs, setup, gen_witness,
prove, verify. For each step: wall seconds, CPU seconds of the process (all
threads: EZKL proves on a thread pool inside this process) and the process's
peak resident memory during the step (Linux: the peak mark is reset before the
step through /proc/self/clear_refs and read back from VmHWM after it).

gen_srs makes a structured reference string locally. That SRS is for testing
only: whoever generated it could have kept its secret, so proofs under it are
not sound against that party. A real deployment downloads a ceremony's SRS
with get_srs, which needs internet access this machine does not have.

After the timed steps, gen_witness runs once per sample file (untimed) to read
EZKL's rescaled outputs for the accuracy comparison.

Writes one JSON object to --out.
"""

import argparse
import asyncio
import inspect
import json
import os
import resource
import sys
import time

import ezkl


def cpu_seconds():
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def reset_peak():
    """Resets the kernel's peak-RSS mark to the current RSS (Linux)."""
    try:
        with open("/proc/self/clear_refs", "w") as f:
            f.write("5")
        return True
    except OSError:
        return False


def peak_mib():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024.0
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def call(result):
    """EZKL returns plain values for most calls; await the odd coroutine."""
    if inspect.isawaitable(result):
        return asyncio.run(result)
    return result


def measured(steps, name, fn):
    reset_peak()
    cpu0, t0 = cpu_seconds(), time.perf_counter()
    result = call(fn())
    wall = time.perf_counter() - t0
    steps.append({"step": name, "wall_s": wall, "cpu_s": cpu_seconds() - cpu0, "peak_rss_mib": peak_mib()})
    if result is False:
        raise SystemExit(f"ezkl {name} returned False")
    print(f"ezkl {name}: {wall:.2f} s", file=sys.stderr, flush=True)
    return result


def floats(rows):
    """EZKL's pretty elements are strings; flatten [[str...]...] to floats."""
    return [float(x) for row in rows for x in row]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--model", required=True, help="model.onnx")
    ap.add_argument("--input", required=True, help="the proved input, EZKL format")
    ap.add_argument("--calibration", required=True, help="calibration inputs, EZKL format")
    ap.add_argument("--sample", action="append", default=[], help="an accuracy sample, EZKL format (repeatable)")
    ap.add_argument("--variable", action="append", default=[], help="NAME=VALUE for a symbolic dimension")
    ap.add_argument("--target", default="resources", help="calibrate_settings target")
    ap.add_argument("--workdir", required=True)
    ap.add_argument("--out", required=True)
    args = ap.parse_args()

    os.makedirs(args.workdir, exist_ok=True)
    p = lambda name: os.path.join(args.workdir, name)  # noqa: E731
    settings, compiled, srs = p("settings.json"), p("model.compiled"), p("kzg.srs")
    vk, pk, witness, proof = p("vk.key"), p("pk.key"), p("witness.json"), p("proof.json")

    run_args = ezkl.PyRunArgs()  # defaults: input and output public, weights fixed
    run_args.variables = [(k, int(v)) for k, v in (s.split("=", 1) for s in args.variable)]

    steps = []
    measured(steps, "gen_settings", lambda: ezkl.gen_settings(args.model, settings, py_run_args=run_args))
    measured(steps, "calibrate_settings", lambda: ezkl.calibrate_settings(args.calibration, args.model, settings, args.target))
    measured(steps, "compile_circuit", lambda: ezkl.compile_circuit(args.model, compiled, settings))
    with open(settings) as f:
        s = json.load(f)
    logrows = s["run_args"]["logrows"]
    measured(steps, "gen_srs", lambda: ezkl.gen_srs(srs, logrows))
    measured(steps, "setup", lambda: ezkl.setup(compiled, vk, pk, srs))
    measured(steps, "gen_witness", lambda: ezkl.gen_witness(args.input, compiled, witness))
    measured(steps, "prove", lambda: ezkl.prove(witness, compiled, pk, proof, srs))
    ok = measured(steps, "verify", lambda: ezkl.verify(proof, settings, vk, srs))
    if ok is not True:
        raise SystemExit(f"ezkl verify returned {ok!r}")

    with open(proof) as f:
        pr = json.load(f)
    proved_outputs = floats(pr["pretty_public_inputs"]["rescaled_outputs"])

    sample_outputs = []
    for i, sample in enumerate(args.sample):
        path = p(f"sample{i}.witness.json")
        call(ezkl.gen_witness(sample, compiled, path))
        with open(path) as f:  # the file, unlike the returned dict, has pretty_elements
            sample_outputs.append(floats(json.load(f)["pretty_elements"]["rescaled_outputs"]))

    size = lambda path: os.path.getsize(path)  # noqa: E731
    result = {
        "ezkl_version": getattr(ezkl, "__version__", "?"),
        "steps": steps,
        "verified": ok,
        "proof_file_bytes": size(proof),
        # The proof proper (what a verifier contract reads), without the
        # instances and the hex copy that proof.json also carries.
        "proof_raw_bytes": len(pr["proof"]),
        "vk_bytes": size(vk),
        "pk_bytes": size(pk),
        "srs_bytes": size(srs),
        "compiled_bytes": size(compiled),
        "settings": {
            "logrows": logrows,
            "num_rows": s.get("num_rows"),
            "input_scale": s["run_args"]["input_scale"],
            "param_scale": s["run_args"]["param_scale"],
            "input_visibility": s["run_args"]["input_visibility"],
            "output_visibility": s["run_args"]["output_visibility"],
            "param_visibility": s["run_args"]["param_visibility"],
            "check_mode": s["run_args"]["check_mode"],
            "calibration_target": args.target,
        },
        "proved_outputs": proved_outputs,
        "sample_outputs": sample_outputs,
        "peak_reset_worked": reset_peak(),
    }
    with open(args.out, "w") as f:
        json.dump(result, f, indent=1)


if __name__ == "__main__":
    main()
