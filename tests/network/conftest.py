from tests.support.network import network  # noqa: F401 - the fixture, for these tests
