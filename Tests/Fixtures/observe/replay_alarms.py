#!/usr/bin/env python3
"""Replays every AWS::CloudWatch::Alarm of a CloudFormation template through CloudWatch PutMetricAlarm on a local
moto server, then prints DescribeAlarms as JSON.

moto's CloudFormation skips AWS::CloudWatch::Alarm (observability-facts.md §4), so the alarms are put one by one.
Intrinsics are resolved the way CloudFormation would with the parameters' defaults: Ref, Fn::Sub, Fn::If,
Fn::Equals; AWS::StackName is the --stack argument. Anything else is an error (the template would not deploy as
the test expects).

usage: replay_alarms.py TEMPLATE --endpoint http://127.0.0.1:PORT --stack NAME
"""
import argparse
import json
import re
import sys

import boto3
import yaml

ACCOUNT = "123456789012"


def resolve(node, ctx):
    if isinstance(node, list):
        return [resolve(n, ctx) for n in node]
    if not isinstance(node, dict):
        return node
    if len(node) == 1:
        (key, value), = node.items()
        if key == "Ref":
            if value not in ctx["refs"]:
                raise SystemExit(f"unresolved Ref {value}")
            return ctx["refs"][value]
        if key == "Fn::Sub":
            def sub(m):
                name = m.group(1)
                if name not in ctx["refs"]:
                    raise SystemExit(f"unresolved ${{{name}}} in Fn::Sub")
                return str(ctx["refs"][name])
            return re.sub(r"\$\{([A-Za-z0-9:]+)\}", sub, value)
        if key == "Fn::If":
            cond, yes, no = value
            return resolve(yes if ctx["conditions"][cond] else no, ctx)
        if key == "Fn::Equals":
            a, b = resolve(value, ctx)
            return a == b
        if key.startswith("Fn::"):
            raise SystemExit(f"unsupported intrinsic {key}")
    return {k: resolve(v, ctx) for k, v in node.items()}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("template")
    ap.add_argument("--endpoint", required=True)
    ap.add_argument("--stack", required=True)
    ap.add_argument("--region", default="us-east-1")
    args = ap.parse_args()
    with open(args.template, encoding="utf-8") as f:
        template = yaml.safe_load(f)
    refs = {"AWS::StackName": args.stack, "AWS::Region": args.region, "AWS::AccountId": ACCOUNT}
    for name, p in template.get("Parameters", {}).items():
        refs[name] = p.get("Default")
    ctx = {"refs": refs, "conditions": {}}
    for name, c in template.get("Conditions", {}).items():
        ctx["conditions"][name] = resolve(c, ctx)
    for name, res in template["Resources"].items():
        if res["Type"] == "AWS::SNS::Topic" and ctx["conditions"].get(res.get("Condition"), True):
            refs[name] = f"arn:aws:sns:{args.region}:{ACCOUNT}:{args.stack}-{name}"
    kw = dict(endpoint_url=args.endpoint, region_name=args.region,
              aws_access_key_id="testing", aws_secret_access_key="testing")
    cw = boto3.client("cloudwatch", **kw)
    put = 0
    for name, res in template["Resources"].items():
        if res["Type"] != "AWS::CloudWatch::Alarm":
            continue
        cw.put_metric_alarm(**resolve(res["Properties"], ctx))
        put += 1
    alarms = []
    for page in cw.get_paginator("describe_alarms").paginate(AlarmTypes=["MetricAlarm"]):
        alarms += page["MetricAlarms"]
    json.dump({"put": put, "alarms": alarms}, sys.stdout, default=str)


if __name__ == "__main__":
    main()
