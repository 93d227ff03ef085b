# The shared network and its users, as fixtures for these tests.
from tests.support.network import (  # noqa: F401
    jiangning_staff,
    network,
    no_role,
    researcher,
    secretariat,
)
