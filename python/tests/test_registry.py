"""The Starknet registry from Python (cairn.Registry) on a real local
starknet-devnet, run against the installed wheel with plain `python`:

    python python/tests/test_registry.py <work dir>

with CAIRN_DEVNET (the starknet-devnet binary) set — scripts/python-test.sh
does.

The owner deploys the contracts, a provider registers the bundled MLP's package, a consumer requests an
inference on a digit, the provider proves it with cairn.prove and fulfils the
request; the contract's stored output is the proof's, the events record it,
a tampered proof or a proof of another input is refused before anything is
sent, and a second fulfilment is refused by the contract.
"""

import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import traceback
import urllib.request
from pathlib import Path

import numpy as np

import cairn

ROOT = Path(__file__).resolve().parents[2]
MLP = ROOT / "examples" / "mlp" / "model.onnx"
MLP_INPUT = ROOT / "examples" / "mlp" / "input.json"
WORK = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(tempfile.mkdtemp(prefix="cairn-pyreg-"))
WORK.mkdir(parents=True, exist_ok=True)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def rpc(url: str, method: str, params=None):
    body = json.dumps({"jsonrpc": "2.0", "id": 1, "method": method, "params": params or {}}).encode()
    req = urllib.request.Request(url, body, {"content-type": "application/json"})
    with urllib.request.urlopen(req, timeout=30) as r:
        answer = json.load(r)
    if "error" in answer:
        raise RuntimeError(f"{method}: {answer['error']}")
    return answer["result"]


def start_devnet():
    binary = os.environ["CAIRN_DEVNET"]
    port = free_port()
    log = open(WORK / "devnet.log", "wb")
    proc = subprocess.Popen(
        [binary, "--host", "127.0.0.1", "--port", str(port), "--seed", "0", "--accounts", "3"],
        stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.time() + 60
    while True:
        if proc.poll() is not None:
            raise RuntimeError(f"starknet-devnet exited: {(WORK / 'devnet.log').read_text()}")
        try:
            with urllib.request.urlopen(f"{base}/is_alive", timeout=2):
                break
        except OSError:
            if time.time() > deadline:
                raise RuntimeError("starknet-devnet did not answer within 60 s") from None
            time.sleep(0.1)
    return proc, f"{base}/rpc"


def raises(exc, fn, *needles):
    try:
        fn()
    except exc as e:
        for n in needles:
            assert n in str(e), f"{exc.__name__} message {str(e)!r} lacks {n!r}"
        return str(e)
    raise AssertionError(f"expected {exc.__name__}, nothing was raised")


def felt_of(q: int) -> str:
    """A fixed-point integer as the output cell the contract stores."""
    p = 2**251 + 17 * 2**192 + 1
    return hex(q % p)


def market(url: str) -> None:
    accounts = rpc(url, "devnet_getPredeployedAccounts")
    files = []
    for who, a in zip(("owner", "provider", "consumer"), accounts):
        f = WORK / f"{who}.json"
        f.write_text(json.dumps({"address": a["address"], "private_key": a["private_key"]}))
        files.append(f)
    owner_file, provider_file, consumer_file = files
    deployment = WORK / "deployment.json"
    # The contracts the wheel carries, compiled and deployed from Python.
    owner = cairn.Registry.deploy(url, deployment, owner_file, verifiers=[accounts[1]["address"]])
    assert json.loads(deployment.read_text())["marketplace"] == owner.deployment["marketplace"]

    # Local input is checked before the node is touched.
    raises(cairn.InputError, lambda: cairn.Registry(url, WORK / "missing.json", owner_file), "missing.json")
    raises(cairn.InputError, lambda: cairn.Registry(url, deployment, ("0x1", "not hex")), "private_key")
    raises(cairn.RegistryError, lambda: cairn.Registry(f"http://127.0.0.1:{free_port()}/rpc", deployment, owner_file))

    provider = cairn.Registry(url, deployment, provider_file)
    consumer = cairn.Registry(url, deployment, (accounts[2]["address"], accounts[2]["private_key"]))
    assert provider.address == hex(int(accounts[1]["address"], 16)), provider.address
    assert "private_key" not in repr(provider) and accounts[1]["private_key"] not in repr(provider)

    package = cairn.transpile(MLP, WORK / "pkg", force=True)
    registered = provider.register(package, name="digits-mlp", metadata_uri="ipfs://digits")
    model_id = registered["model_id"]
    assert registered["program_hash"] == package.program_hash, registered
    assert registered["transaction"]["fee_fri"].isdigit(), registered
    shown = consumer.model(model_id)
    assert shown["model"]["name"] == "digits-mlp" and shown["model"]["price"] == "0", shown
    assert [v["program_hash"] for v in shown["versions"]] == [package.program_hash], shown

    x = np.asarray(json.loads(MLP_INPUT.read_text())["input"], dtype=np.float32)
    request = consumer.request(model_id, x, package, deadline=3600)
    rid = request["request_id"]
    assert consumer.inference(rid)["request"]["status"] == "Pending"

    proof = cairn.prove(package, x)
    # A tampered proof is refused locally, and so is a true proof of another
    # input (it does not match the request's input commitment): nothing is sent.
    bad = bytearray(proof.data)
    bad[-1] ^= 1
    raises(cairn.InvalidProof, lambda: provider.fulfil(rid, bytes(bad), package))
    other = cairn.prove(package, x * 0.5)
    raises(cairn.RegistryError, lambda: provider.fulfil(rid, other, package), f"request {rid} committed to")

    done = provider.fulfil(rid, proof, package)
    assert done["request_id"] == rid and done["fact_recorded"] is not None, done
    status = consumer.inference(rid)
    assert status["request"]["status"] == "Fulfilled", status
    assert status["output"] == [felt_of(q) for q in proof.outputs[0].raw], status
    raises(cairn.RegistryError, lambda: provider.fulfil(rid, proof, package), "NOT_PENDING")

    names = [(e["contract"], e["name"]) for e in consumer.events()]
    for want in [("ModelRegistry", "ModelRegistered"), ("Marketplace", "InferenceRequested"),
                 ("FactRegistry", "FactRegistered"), ("Marketplace", "InferenceFulfilled")]:
        assert want in names, (want, names)


def main() -> int:
    proc, url = start_devnet()
    try:
        market(url)
        print("ok   registry_market_from_python")
        return 0
    except Exception:  # noqa: BLE001 - report, then fail the run
        traceback.print_exc()
        print("FAIL registry_market_from_python")
        return 1
    finally:
        proc.kill()
        proc.wait()


if __name__ == "__main__":
    sys.exit(main())
