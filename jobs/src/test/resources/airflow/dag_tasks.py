"""Reads an Airflow DAG file with Python's ast (no Airflow needed) and prints, as JSON, every
SparkSubmitOperator task: its task_id, java_class, application_args (module-level string
constants and f-strings of them resolved; Jinja templates left as written) and the DAG's
default retries. Used by AirflowDagTest."""
import ast
import json
import sys

tree = ast.parse(open(sys.argv[1], encoding="utf-8").read(), sys.argv[1])
constants = {}


def value(node):
    if isinstance(node, ast.Constant):
        return node.value
    if isinstance(node, ast.Name):
        return constants[node.id]
    if isinstance(node, ast.JoinedStr):
        return "".join(str(value(v.value if isinstance(v, ast.FormattedValue) else v))
                       for v in node.values)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return value(node.left) + value(node.right)
    if isinstance(node, (ast.List, ast.Tuple)):
        return [value(e) for e in node.elts]
    if isinstance(node, ast.Dict):
        return {value(k): value(v) for k, v in zip(node.keys, node.values)}
    if isinstance(node, ast.Call):
        return None  # timedelta(...), datetime(...): not needed
    raise ValueError(f"line {node.lineno}: cannot read {ast.dump(node)}")


for statement in tree.body:
    if isinstance(statement, ast.Assign) and len(statement.targets) == 1 \
            and isinstance(statement.targets[0], ast.Name):
        try:
            constants[statement.targets[0].id] = value(statement.value)
        except (ValueError, KeyError):
            pass

tasks = []
for node in ast.walk(tree):
    if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "SparkSubmitOperator":
        keywords = {k.arg: k.value for k in node.keywords}
        tasks.append({
            "task_id": value(keywords["task_id"]),
            "java_class": value(keywords["java_class"]),
            "application_args": value(keywords["application_args"]),
        })
print(json.dumps({"retries": constants.get("default_args", {}).get("retries"),
                  "tasks": tasks}))
