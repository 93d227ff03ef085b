"""The data the platform ships: real entities of the Nanjing metropolitan circle (from the 2022
Nanjing high-tech zone policy and public record, each with a source note) and a seeded
generator of clearly synthetic enterprises.

The real data lives in plain data modules (`cities`, `industries`, `parks`, `organisations`,
`relations`, `targets`) built from the records in `seeds`; `load.demo_seed()` writes it
idempotently and `synthetic.synthetic_seed()` generates enterprises at scale.
"""
