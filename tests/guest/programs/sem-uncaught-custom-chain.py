class ConfigError(Exception):
    def __init__(self, key, reason):
        super().__init__(f"{key}: {reason}")
        self.key = key

def parse_port(text):
    return int(text)

def read(settings):
    try:
        return parse_port(settings["port"])
    except ValueError as e:
        raise ConfigError("port", "not a number") from e

print("reading")
read({"port": "80a"})
