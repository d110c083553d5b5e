"""cairn.Registry: the Starknet model registry and marketplace from Python.

The same calls as ``cairn registry …`` (starknet/README.md), on one account
and one deployment of the contracts (:meth:`Registry.deploy` or
``cairn registry deploy`` writes it).
Every method returns the report ``cairn registry … --json`` prints, as a dict
(docs/json.md): felts and token amounts are strings, counts and ids ints.
Proofs are verified locally against the package before anything is sent.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any, Dict, List, Optional, Sequence, Tuple, Union

from . import _cairn
from ._api import PathLike, _proof_bytes
from ._inputs import bind_one
from ._types import Package, Proof

#: A package: a :class:`cairn.Package` or its directory.
PackageLike = Union[Package, PathLike]
#: A proof: a :class:`cairn.Proof`, the proof file's bytes, or its path.
ProofLike = Union[Proof, bytes, bytearray, memoryview, PathLike]


def _package(package: PackageLike) -> Package:
    if isinstance(package, Package):
        return package
    if isinstance(package, (str, os.PathLike)) and Path(package).is_dir():
        return Package.open(package)
    raise _cairn.InputError(f"expected a cairn.Package or a package directory (cairn.transpile), got {package!r}")


def _account(account: Union[PathLike, Tuple[str, str], None]) -> Tuple[Optional[str], Optional[str], Optional[str]]:
    """(file, address, private_key) for the native layer."""
    if isinstance(account, tuple):
        if len(account) != 2 or not all(isinstance(x, str) for x in account):
            raise _cairn.InputError("account=(address, private_key), both hex strings")
        return None, account[0], account[1]
    if account is not None:
        return os.fspath(account), None, None
    return None, None, None


def _int(value: Any, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise _cairn.InputError(f"{what} must be a non-negative int, got {value!r}")
    return value


class Registry:
    """One account on a Starknet node, and a deployment of cairn's registry
    contracts.

    Args:
        rpc: the node's JSON-RPC (0.10) endpoint.
        deployment: the deployment file ``cairn registry deploy`` wrote.
        account: the account: a file ``{"address": "0x…", "private_key":
            "0x…"}``, an ``(address, private_key)`` pair of hex strings, or
            ``None`` for ``CAIRN_ACCOUNT_ADDRESS`` and ``CAIRN_ACCOUNT_KEY``.
            The key is never printed or returned.

    Raises:
        cairn.InputError: no account, an account or deployment file that
            cannot be read, or a node on another chain than the deployment's.
        cairn.RegistryError: the node cannot be reached.
    """

    def __init__(
        self,
        rpc: str = "http://127.0.0.1:5050/rpc",
        deployment: PathLike = "cairn-deployment.json",
        account: Union[PathLike, Tuple[str, str], None] = None,
    ) -> None:
        file, address, key = _account(account)
        self._native = _cairn.Registry(rpc, os.fspath(deployment), file, address, key)

    @classmethod
    def deploy(
        cls,
        rpc: str = "http://127.0.0.1:5050/rpc",
        deployment: PathLike = "cairn-deployment.json",
        account: Union[PathLike, Tuple[str, str], None] = None,
        verifiers: Sequence[str] = (),
        test_token: Optional[int] = None,
    ) -> "Registry":
        """Compiles the contracts this build of cairn carries, declares and
        deploys the fact registry, model registry and marketplace with
        ``account`` (their owner, and an approved verifier together with
        ``verifiers``), writes the ``deployment`` file and returns a
        :class:`Registry` on it. ``test_token`` also deploys an ERC-20 for
        local networks, minting that supply to the account."""
        file, address, key = _account(account)
        supply = None if test_token is None else _int(test_token, "test_token")
        _cairn.deploy(rpc, os.fspath(deployment), list(verifiers), supply, file, address, key)
        return cls(rpc, deployment, account)

    def __repr__(self) -> str:
        return repr(self._native)

    @property
    def address(self) -> str:
        """The account's address (hex)."""
        return self._native.address

    @property
    def deployment(self) -> Dict[str, Any]:
        """The contracts' addresses (hex) and class hashes."""
        return json.loads(self._native.deployment())

    def register(
        self,
        package: PackageLike,
        name: Optional[str] = None,
        metadata_uri: str = "",
        price: Optional[int] = None,
        token: str = "STRK",
    ) -> Dict[str, Any]:
        """Registers a compiled package as a model owned by this account
        (version 1); ``name`` (≤ 31 ASCII characters) defaults to the package
        directory's name. With ``price``, also sets the price of one inference
        in ``token``'s smallest unit (an ERC-20 address, or ``"STRK"``).
        Returns ``model_id``, ``name``, ``program_hash``, ``transaction``,
        ``price``."""
        p = _package(package)
        name = p.dir.resolve().name if name is None else name
        amount = None if price is None else _int(price, "price")
        return json.loads(self._native.register(p._native, name, metadata_uri, amount, token if price is not None else None))

    def publish(self, model_id: int, package: PackageLike, metadata_uri: str = "") -> Dict[str, Any]:
        """Publishes a package as the model's next version (owner only); new
        requests run it. Returns ``model_id``, ``version``, ``program_hash``,
        ``transaction``."""
        return json.loads(self._native.publish(_int(model_id, "model_id"), _package(package)._native, metadata_uri))

    def set_price(self, model_id: int, price: int, token: str = "STRK") -> Dict[str, Any]:
        """Sets the price of one inference (owner only); 0 makes it free."""
        return json.loads(self._native.set_price(_int(model_id, "model_id"), _int(price, "price"), token))

    def deprecate(self, model_id: int) -> Dict[str, Any]:
        """Stops new requests for the model (owner only; irreversible)."""
        return json.loads(self._native.deprecate(_int(model_id, "model_id")))

    def request(self, model_id: int, inputs: Any, package: PackageLike, deadline: int = 3600) -> Dict[str, Any]:
        """Requests an inference of the model on one sample (any input form
        :func:`cairn.run` takes), committing to it as ``package``'s program
        encodes it and escrowing the model's price; it expires ``deadline``
        seconds after the latest block. Returns ``request_id``, ``model_id``,
        ``input_hash``, ``deadline``, ``transaction``."""
        p = _package(package)
        samples = bind_one(p._native.model(), inputs)
        return json.loads(self._native.request(_int(model_id, "model_id"), p._native, samples, _int(deadline, "deadline")))

    def attest(
        self, proof: ProofLike, package: PackageLike, min_security_bits: int = _cairn.DEFAULT_SECURITY_BITS
    ) -> Dict[str, Any]:
        """Verifies the proof against the package (raising
        :class:`cairn.InvalidProof` if it is rejected) and records its fact
        (this account must be an approved verifier). Returns ``fact``,
        ``program_hash``, ``input_hash``, ``output_hash``, ``transaction``."""
        data = _proof_bytes(proof)
        return json.loads(self._native.attest(data, _package(package)._native, min_security_bits))

    def fulfil(
        self,
        request_id: int,
        proof: ProofLike,
        package: PackageLike,
        min_security_bits: int = _cairn.DEFAULT_SECURITY_BITS,
    ) -> Dict[str, Any]:
        """Verifies the proof against the package, records its fact if needed
        (and allowed), and fulfils the request with the proven output; the
        contract checks the fact against the request's input commitment.
        Returns ``request_id``, ``fact``, ``fact_recorded``,
        ``output_cells``, ``transaction``."""
        data = _proof_bytes(proof)
        rid = _int(request_id, "request_id")
        return json.loads(self._native.fulfil(rid, data, _package(package)._native, min_security_bits))

    def refund(self, request_id: int) -> Dict[str, Any]:
        """Takes back the payment of an expired, unfulfilled request."""
        return json.loads(self._native.refund(_int(request_id, "request_id")))

    def model(self, model_id: int) -> Dict[str, Any]:
        """A model (``owner``, ``name``, ``latest_version``, ``deprecated``,
        ``price_token``, ``price``) and its ``versions``."""
        return json.loads(self._native.model(_int(model_id, "model_id")))

    def inference(self, request_id: int) -> Dict[str, Any]:
        """A request (``status``: ``Pending``, ``Fulfilled`` or ``Refunded``,
        ``payment``, ``deadline``, hashes) and, once fulfilled, its
        ``output`` cells (hex; a negative fixed-point value ``q`` is
        ``p - |q|``)."""
        return json.loads(self._native.inference(_int(request_id, "request_id")))

    def events(self, from_block: int = 0) -> List[Dict[str, Any]]:
        """The three contracts' events from ``from_block`` on, oldest first,
        each decoded by name and member."""
        events: List[Dict[str, Any]] = json.loads(self._native.events(_int(from_block, "from_block")))["events"]
        return events


__all__ = ["Registry"]
