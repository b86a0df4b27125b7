def fetch(rows):
    async for r in rows:
        print(r)
