{{/* Name of a release's objects: <release>-smsgw, or fullnameOverride. */}}
{{- define "smsgw.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 50 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-smsgw" .Release.Name | trunc 50 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{/* Labels every object carries. */}}
{{- define "smsgw.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
app.kubernetes.io/part-of: smsgw
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
{{- end -}}

{{/* Selector labels of one service; call with (dict "root" $ "name" $name). */}}
{{- define "smsgw.selectorLabels" -}}
app.kubernetes.io/name: {{ .name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
{{- end -}}

{{/* The image of one module. */}}
{{- define "smsgw.image" -}}
{{- $tag := .root.Values.image.tag | default .root.Chart.AppVersion -}}
{{- if .root.Values.image.registry -}}
{{- printf "%s/%s:%s" (trimSuffix "/" .root.Values.image.registry) .module $tag -}}
{{- else -}}
{{- printf "%s:%s" .module $tag -}}
{{- end -}}
{{- end -}}

{{/* The Secret holding the services' secrets. */}}
{{- define "smsgw.secretName" -}}
{{- .Values.secrets.existingSecret | default (printf "%s-secrets" (include "smsgw.fullname" .)) -}}
{{- end -}}

{{/* The Secret holding the database password. */}}
{{- define "smsgw.databaseSecretName" -}}
{{- .Values.postgresql.existingSecret | default (include "smsgw.secretName" .) -}}
{{- end -}}
