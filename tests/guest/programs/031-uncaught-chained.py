# uncaught exception raised from another: CPython prints both tracebacks.
class ConfigError(Exception):
    pass
def read_port(cfg):
    try:
        return int(cfg["port"])
    except ValueError as e:
        raise ConfigError("port must be a number") from e
print(read_port({"port": "8080"}))
print(read_port({"port": "eighty"}))
