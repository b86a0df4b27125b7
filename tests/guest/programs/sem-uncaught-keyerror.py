def load(config, key):
    return config[key]

def main():
    config = {"host": "localhost", "port": 8080}
    print(load(config, "host"))
    print(load(config, "user"))

main()
