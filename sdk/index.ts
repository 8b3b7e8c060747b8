export { RecordingPolicy, RecordingPolicyArgs, MediaType, RecordingQuality } from "./recordingPolicy";
