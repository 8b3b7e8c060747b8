import { matching } from "./fieldRules";

// Commercial, GovCloud, China and ISO partitions: us-east-1, us-gov-west-1, cn-northwest-1, eu-central-2.
const AWS_REGION =
    /^[a-z]{2}(-gov|-iso[a-z]?)?-(north|south|east|west|central|northeast|northwest|southeast|southwest)-\d{1,2}$/;
const ROLE_ARN = /^arn:aws(-[a-z]+)*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/;

/** AWS identifiers several kinds take, checked one way for all of them. */
export const awsRegion = matching(AWS_REGION, "an AWS region code such as us-east-1 or eu-west-2");
export const iamRoleArn = matching(ROLE_ARN, "an IAM role ARN, arn:<partition>:iam::<12-digit account>:role/<name>");
