"""The extraction rules of the last sessions end to end: `kgraph build` on a JSON Lines
file with the shipped vocabularies, the Turtle parsed back, `kgraph show`
asked about what was found. (tests/test_extract.py checks each rule alone.)"""
import json

import pytest
import rdflib
from rdflib import RDF, RDFS, SKOS, Namespace

from conftest import run

KG = Namespace("https://w3id.org/kgraph/ontology#")
PAPERS = [
    {"title": "ZorbAttack: Faster Jailbreaks on Consumer GPUs",
     "abstract": "We attack with Zorbic Coordinate Gradient (ZCG) on 8x NVIDIA 3090 GPUs "
                 "and compare Gemma 9 with Llama-2/3."},
    {"title": "Training Giant Models with Less Memory",
     "abstract": "We introduce a novel selective offload strategy for training. Layers are "
                 "pipelined across stages and the model was fine-tuned."},
    # layout spaces of a PDF dump: once 41 s of extraction, now instant
    {"title": "A Long Dump", "abstract": "We run on " + " " * 100_000 + "GPUs."},
    {"title": "Serving With Less Memory",
     "abstract": "We calibrate the key-value (KV) cache in one pass. We label three benchmarks: "
                 "HiAML, NasZoo and Two-Path. The code is released under the MIT license."},
    {"title": "Compiling Kernels Quickly",
     "abstract": "We use the lightweight code generator LoopNest. The pruning method (termed BiPrune) "
                 "is fast. We evaluate T\\\"ulu with compression techniques like quantization."},
    {"title": "Smaller Caches for Long Contexts",
     "abstract": "We study KV cache compression. Existing compression methods lose accuracy. "
                 "The GitHub repository has the code. All code is on Github: https://github.com/zorb/zorb."},
    {"title": "M2-Zorber: Faster Kernels From Search",
     "abstract": "We propose a framework called Feature Search and Reinforcement (FSR) and a "
                 "Zorbic Channel Pruning (ZCP) framework. We release the M^2-Zorber series; "
                 "it reads the KV cache from HBM to SM, using 2-8 SMs. It emits C/Assembly/Rust "
                 "(Appendix C) and beats Deepsparse on code from GitHub projects, tested on ImageNet-C,R,S."},
    {"title": "Wave-like Pipeline Parallelism for Training",
     "abstract": "We train Zed-Mamba, a coined model beside Mamba, with wave-like pipeline parallelism "
                 "and pipeline parallelism on ImageNet and ImageNet-S, using the graph partitioning scheme."},
    {"title": "Kernels Meet Parallelism",
     "abstract": "We combine data- and tensor-parallelism with FlashAttention-2/3 kernels."},
    {"title": "Relax: A Zorb Compiler for Tensor Programs", "abstract": "Relax lowers programs to CUDA."},
    {"title": "Bounds for Sparse Kernels", "abstract": "Relax the bound on GPUs. It helps."},
    {"title": "Forecast Errors on GPUs", "abstract": "We report the zorbic absolute error (ZAE) of forecasts."},
    {"title": "ZAE: Zorbic Attention Engines",
     "abstract": "We propose Zorbic Attention Engine (ZAE), a serving system. ZAE is fast."},
    # rules of the fifth session of 2026-11-30, found on abstracts kgraph had never seen
    {"title": "Zorbic Integrity Encoding for Code Edits",
     "abstract": "We propose Zorbic Integrity Encoding (ZIE), a positional encoding method."},
    {"title": "Editing Benchmarks Revisited",
     "abstract": "We run Mamba on the ZIE dataset. Code: https://github.com/ZIE-lab/bench."},
    {"title": "ZorbCoder-7B Technical Report: Small Code Models",
     "abstract": "We release ZorbCoder-7B and ZorbCoder-32B. We present ZorbKV-Quant, dubbed ZKQ, a "
                 "quantization method, and ZorbGym, a gym for coding agents."},
    {"title": "Serving Baselines Revisited",
     "abstract": "We beat serving systems such as vLLM and Orca on the ZORBEN simulator, using our "
                 "measurement harness, ZorbProbe."},
    {"title": "Edge-First Inference: A Survey of On-Device Models",
     "abstract": "This survey reviews quantization for phones."},
    {"title": "Training on Odd Hardware",
     "abstract": "We train ResNet8 on the Cerebras CS-2, a wafer-scale system, and on Apple M1 and M2 chips. "
                 "The CS-2 is fast."},
    # rules of the sixth session, found on abstracts kgraph had never seen
    {"title": "Sparse Kernels for Code Models",
     "abstract": "We call our method Zorbic Sparse Routing. We tune CodeLlama-34B-Python with Q-LoRA on "
                 "same-NUMA-node memory of GPUs, a problem given limited attention so far; the convolution "
                 "theorem helps. A learned cost model picks tiles for a high-performance model."},
    {"title": "Moving Caches Revisited", "abstract": "Swapping the cache from HBM to host memory is slow."},
    {"title": "Serving Multimodal Models Faster", "abstract": "We evaluate on the GQA and ZorbBench datasets."},
    {"title": "Memory Savings at Scale", "abstract": "We use grouped-query attention (GQA); GQA saves memory."},
    {"title": "Stencils on Wafers", "abstract": "The Cerebras Wafer-Scale Engine 2 (WSE-2) runs automated unit test "
                                                "generation for stencil codes."},
    {"title": "Compilers at Exascale", "abstract": "We scale on the Alps system and compile with the Inductor backend."},
    {"title": "Serving on One Card", "abstract": "We serve on a single NVIDIA L4 GPU."},
    {"title": "Reusing Idle Units", "abstract": "We reuse idle processing elements (PEs) as accumulators."},
    {"title": "Asynchronous Frontier Stealing for Graph Traversal",
     "abstract": "The Pareto Frontier improves with Frontier-based expansion on GPUs."},
    {"title": "Recurrent Models Compared", "abstract": "We compare Gated DeltaNet with DeltaNet and Zamba2 with Zamba."},
    {"title": "Agents for Games", "abstract": "Agents play in OpenAI Gym, Go and StarCraft using PyTorch; the model "
                                              "predicts phones on TIMIT. Hopper's TMA copies tiles; Intel's TMA "
                                              "methodology profiles them. Each GCD of an MI250X runs a rank."},
    # the rest of the sixth session's rules, end to end
    {"title": "$\\mu$Zorb: Scaling Diffusion Transformers",
     "abstract": "We propose $\\mu$Zorb, a caching method, and compare with methods such as ZorbCache and $\\Delta$-Zorb."},
    {"title": "Frontier Models Compared",
     "abstract": "We compare GPT-4 Lite, Gemini 3.5 Pro, MobileVLM V2-1.7B and a VQ-GAN; weights are in Q4_K_M "
                 "format on eight Samsung PM1735 drives."},
    {"title": "ZorbKV 2.0: Fast Inference",
     "abstract": "We introduce ZorbKV, a method for fast inference. In simulation with ZorbSim 2.0, a GPU with HBM "
                 "wins. We apply dynamic voltage and frequency scaling (DVFS) to Java, Go and C++ programs."},
    {"title": "Transfer-Tuned Cost Models: Cross-Hardware Prediction",
     "abstract": "We train a model named SwinV2-MoE with methods like MR-GPTQ."},
    # the seventh session: names the texts call methods, and media formats
    {"title": "Loading Images at Scale",
     "abstract": "We decode JPEG and H.264 frames, move them with GPUDirect RDMA and GPUDirect Storage, fit XGBoost "
                 "on CSR and ELLPACK matrices and compare with "
                 "DeepSpeed-Ulysses, T-MAC, FlashDecoding++ and Dist-DGL. Hipify, rustc and ZeRO-Infinity send data over TCP; a software "
                 "accelerator runs it."},
    {"title": "Collectives at Exascale",
     "abstract": "We tune allreduce on Frontier and Aurora, and on Perlmutter and Alps. Amazon Aurora logs the runs."},
    {"title": "Portable Sparse Kernels",
     "abstract": "We port sparse tensor algebra kernels to OpenMP target offload and apply low-bit quantization; "
                 "SnapKV is a fine-tuning-free method. It pools CXL memory with a CXL memory expander behind a "
                 "top-of-rack switch, and stacks chiplets with TSVs on a silicon interposer."},
    {"title": "Inside Two Accelerators",
     "abstract": "The AMD Instinct MI300X stacks eight XCDs with 256 MB of Infinity Cache; we probe MFMA throughput "
                 "and the LDS, compare Hopper's wgmma and distributed shared memory, and run on the NVIDIA Jetson AGX "
                 "Orin 64GB, four Samsung 990 Pro SSDs and supercomputers such as Frontier, LUMI and El Capitan. "
                 "AI accelerators are diverse."},
    {"title": "Sinks and Pools",
     "abstract": "Attention scores and attention sinks guide eviction; the attention mechanism itself is unchanged. "
                 "A cost model and a memory pool serve FP8 training; we write fused kernels. The weights are "
                 "pruned. The rest follows."},
    {"title": "Sharding Neural Operators",
     "abstract": "We shard the Fourier Neural Operator (FNO) and AFNO over cuFFTMp, tune with GPTune and lower "
                 "through the linalg dialect. TSQR and s-step GMRES with a smoothed aggregation V-cycle cut "
                 "communication; lattice surgery and phase folding follow."},
    {"title": "Sparse Experts for Image Generation",
     "abstract": "Autoregressive models and diffusion models both gain from a sparsely-gated MoE layer; "
                 "it beats SDXL-Lightning and Transformer++."},
    {"title": "Cubes on RISC-V Boards",
     "abstract": "Cube-and-conquer with conflict-driven clause learning (CDCL) in Kissat runs on the SOPHON SG2042 "
                 "and a JH7110 found in systems-on-chip and on an Intel Core i7-13700H. A Swin UNETR segments "
                 "scans, a matrix product state classifies peptides, and we speed up training."},
    {"title": "Bridges and Stacks",
     "abstract": "We model the CXL.io and CXL.mem protocols, bridges like EMIB and the placement of HBM stacks; "
                 "RowHammer threatens them, in-network reductions help, on Intel Xeon CPU Max Series processors. OpenMP offloading "
                 "ports the code to matrix-multiply instructions, and fused CUDA kernels run it."},
    {"title": "Graphs on a Server",
     "abstract": "We train GraphSAGE and GCN models and a graph attention network (GAT) with GPipe and StreamingLLM "
                 "on an Intel Xeon 4th Gen (Sapphire Rapids) server. A performance model and a 3D torus guide it; "
                 "Monte Carlo estimation, Morton-order sorting and Ruge-Stüben coarsening help."},
    {"title": "Solvers and Switches",
     "abstract": "Anderson acceleration speeds up a Jacobian-free Newton-Krylov (JFNK) solver; SUMMA multiplies the "
                 "blocks and DCQCN keeps the fabric lossless. FID stays low. A majority vote and an integer program "
                 "pick linear finite elements, a Cholesky factor and peephole transformations."},
    {"title": "Predicting Pass@k Scaling",
     "abstract": "We predict it for parallel SAT solving and theorem proving; a bootstrap over "
                 "sampled subsets runs on disjoint sets of cores with CPU affinity tuned. We present an alternative "
                 "single-pass algorithm and short fine-tuning rounds, with eager execution in the call graph. "
                 "Thermal throttling shows in a trace-driven simulation that reads one bit-plane at a time. We propose a "
                 "co-design approach that replaces the rest. Scenes of Mip-NeRF 360 stay on disk on a workstation, "
                 "read over PCIe 4.0 and CXL 2.0."},
    {"title": "Qubits and Phones",
     "abstract": "Circuits for IBM Heron and ibm_torino follow the heavy-hex lattice; laptops reach them over Wi-Fi. We "
                 "compare SabreSwap, scaled gradient descent (ScaledGD), k-quants and regularized evolution, with GeLU "
                 "and long chains of thought, on a linear transformer. N-BEATS forecasts the load of problems "
                 "from Codeforces."},
    {"title": "Lifting Binaries",
     "abstract": "We lift binaries with McSema and RetDec, check them with Alive2, mesh with CGAL and TetGen, read "
                 "DWARF from Debian packages and crates.io, and tune with pymoo."},
    {"title": "Sizes, Contributions and Machines",
     "abstract": "We evaluate GPT-2 XL, Phi-2 and Qwen1.5-MoE-A2.7B; Falcon-180B quantized to 4 bits runs on an Edge TPU. "
                 "ZorbMoE introduces (i) a score-based caching algorithm and (ii) a dynamic intra-layer scheduling "
                 "strategy. We devised block fusion algorithms. Weights represent discrete Fourier and Hadamard "
                 "transforms. We compare against Polaris (NVIDIA A100) and Frontier (AMD MI250X). We present "
                 "ZorbAcc, an accelerator that needs under 2 GPU-hours, a 20x reduction."},
    {"title": "Zorbic-Aware Fine-Tuning: Differentiable Codes",
     "abstract": "We propose ZAFT, a train-time method."},
    {"title": "ZorbServe-v2: Faster Serving",
     "abstract": "We present ZorbServe, a serving system for LLMs."},
    {"title": "Less Experts, Faster Decoding: Cost-Aware Agreement",
     "abstract": "We run Gemma4 E2B, Qwen3.5:2B and Linear-Llama3 on tasks T1-T5. This paper introduces the Graph "
                 "of Effort, an intuitive method; we (1) implement representative graph algorithms with total "
                 "bandwidth $SM=nC$. QuuxServe runs Block-STM on Ethereum and compresses with SZ3. "
                 "Its accelerator supports DIT and DIF FFT. GPU memory estimators span three paradigms -- analytical "
                 "models, CPU-side libraries, and ML-based estimators -- each with limits: CPU-side libraries "
                 "impose intrusive integration overhead."},
    {"title": "A Two-Layer Design for Replicated Models",
     "abstract": "Layer 1 stores updates; Layer 2 applies merge strategies such as SLERP and DARE. We compare "
                 "optimizers, including GaLore and LoMo, and outperform ZorbKV and QuuxCache on GPUs, as InfiniGen "
                 "does. This paper presents a parallel execution methodology; its kernels fuse iFFT stages. "
                 "A Streamlit dashboard on AWS ECS shows it; a coprocessor and a power meter check it; "
                 "microservices scale it."},
    {"title": "Zorbflow: Elastic Serving for Agents",
     "abstract": "Serving systems waste GPUs. We present Zorbflow, which makes the boundary elastic and improves "
                 "caching. Its nodes use a Quux Bus (QB) network. We compare two training frameworks, namely, "
                 "V-Quux and I-Quux, and Quux-Cloud, a micro-edge cloud architecture."},
    {"title": "Quuxplan: Carbon-Aware Co-Scheduling of Training Jobs",
     "abstract": "We present Quuxplan, a carbon-aware cluster scheduler. A small draft, fine-tuned on chat logs, "
                 "picks jobs. Compared with direct prompting, it wins. We propose lazy eviction. Lazy eviction "
                 "cuts misses. Nodes keep weights in scratchpad and talk over Gigabit Ethernet."},
    {"title": "ZorbForge: Kernels That Generalize",
     "abstract": "ZorbForge generalizes across GPUs (A100, RTX 6000, 4090). We present ZorPile, a dataset of "
                 "compiler IR, and Zorcade, a serving system for GPUs."},
    {"title": "Zorpile-Time Checks for Zorcade-Aware Kernels",
     "abstract": "We run kernels on an RTX 6000 Ada GPU."},
    {"title": "Zorb Attention: Fast Kernels for Long Contexts",
     "abstract": "We present ZorbAttention, a technique that quantizes the KV cache into a vector unit. "
                 "Compared with CPU offloading and Marlin kernels, it keeps blocks on the card. KernelSmith with "
                 "OpenAI o3 produces kernels for AVX-2. Prefill-decode (P/D) disaggregation helps too. "
                 "Unlike lazy quux scheduling, it needs no planner."},
    {"title": "ZTME: Zorbic Tiered Memory Expansion with Lazy Quux Scheduling",
     "abstract": "We present ZTME for serving."},
    {"title": "From C to Idiomatic Rust: Lessons and Future Frontiers",
     "abstract": "We beat a baseline running vLLM+torchtune on Raspberry Pi 4/5 boards, satellites and smart "
                 "devices. Each generated C function compiles. FlashInfer uses a load-balanced scheduling "
                 "algorithm."},
    {"title": "Zorq: Communication and Computation Overlapping with Adaptive Migration Decision",
     "abstract": "We present Zorq for serverless platforms. It applies unstructured model pruning, disaggregation and "
                 "distinct model parallelism, and reports Instructions Per Cycle (IPC). It allows ultimate scaling "
                 "via topology-aware gradient aggregation. NaZh, a natural-language shell, drives it."},
    {"title": "HeliosDB: Sparse Transformer Accelerator Scheduling for Vector Search",
     "abstract": "We discretise the incompressible Navier-Stokes equation and run Nek5000, a suite of highly "
                 "scalable incompressible Navier-Stokes solvers. Building on the Ben-Or protocol, we train GPT-MoE "
                 "models on ConnectX-6 and ConnectX-7 NICs. We present WaveZorb, a family of pipeline schedules, "
                 "and ZorbPrune, a post-training compression pipeline."},
    {"title": "Quuxmem: Long-Term Memory for LLM Agents",
     "abstract": "Quuxmem keeps what the agent saw."},
]


@pytest.fixture(scope="module")
def graph(tmp_path_factory):
    folder = tmp_path_factory.mktemp("extraction")
    listing = folder / "papers.jsonl"
    listing.write_text("".join(json.dumps(p) + "\n" for p in PAPERS), encoding="utf-8")
    out = folder / "out"
    result = run("build", listing, "-o", out, "--no-cache")
    assert result.exit_code == 0, result.output
    g = rdflib.Graph().parse(out / "graph.ttl")
    return out, g


def mentioned(g, title):
    """{label: type} of the entities the paper titled ``title`` mentions."""
    paper = next(g.subjects(RDFS.label, rdflib.Literal(title)))
    found = {}
    for e in g.objects(paper, KG.mentions):
        types = {str(t)[len(KG):] for t in g.objects(e, RDF.type) if str(t).startswith(str(KG))} - {"Entity"}
        found[str(g.value(e, RDFS.label))] = types.pop()
    return found


def test_names_versions_and_product_numbers(graph):
    _, g = graph
    assert mentioned(g, PAPERS[0]["title"]) == {
        "ZorbAttack": "Technique",  # the paper's own name
        "ZCG": "Technique",  # an acronym spelling out a capitalised name
        "NVIDIA GeForce RTX 3090": "Hardware",  # vendor and product number; NVIDIA is no separate mention
        "GPU": "Hardware",
        "Gemma 9": "Model",  # a new version of a known model
        "Llama 2": "Model",
        "Llama 3": "Model",  # "Llama-2/3"
    }


def test_the_papers_technique_and_techniques_written_as_passive_verbs(graph):
    _, g = graph
    # "layers are pipelined", "the model was fine-tuned": the techniques were applied (the adjudicated
    # gold counts a technique written only as a verb)
    assert mentioned(g, PAPERS[1]["title"]) == {
        "selective offload": "Technique", "pipelining": "Technique", "fine-tuning": "Technique"}


def test_hostile_text_builds(graph):
    _, g = graph
    assert mentioned(g, PAPERS[2]["title"]) == {"GPU": "Hardware"}


def test_show_tells_where_a_found_name_comes_from(graph):
    out, _ = graph
    result = run("show", "Zorbic Coordinate Gradient", "--graph", out, "--json")
    assert result.exit_code == 0, result.output
    card = json.loads(result.output)
    assert card["label"] == "ZCG" and card["type"] == "Technique"
    assert "Zorbic Coordinate Gradient" in card["aliases"]


def test_acronyms_inside_labels_lists_after_a_head_noun_and_fixed_phrases(graph):
    _, g = graph
    assert mentioned(g, PAPERS[3]["title"]) == {
        "KV cache": "Technique",  # "key-value (KV) cache"
        "HiAML": "Dataset", "NasZoo": "Dataset", "Two-Path": "Dataset",  # "benchmarks: ..."
    }  # and no MIT from "the MIT license"


def test_names_typed_by_the_noun_before_them_latex_and_kind_phrases(graph):
    _, g = graph
    assert mentioned(g, PAPERS[4]["title"]) == {
        "LoopNest": "Software",  # "the code generator LoopNest"
        "BiPrune": "Technique",  # "(termed BiPrune)" after "method"
        "Tülu": "Model",  # written T\"ulu, as arXiv abstracts do
        "model compression": "Technique",  # "compression techniques"
        "pruning": "Technique",
        "quantization": "Technique",
    }
    # "compression methods" in a paper about its own kind of compression is that one
    assert mentioned(g, PAPERS[5]["title"]) == {"KV cache compression": "Technique"}


def test_show_gives_the_text_a_label_was_matched_in(graph):
    out, _ = graph
    result = run("show", "KV cache", "--graph", out, "--json")
    assert result.exit_code == 0, result.output
    assert "key-value (KV) cache" in result.output


def test_acronyms_named_by_a_head_noun_superscripts_and_sms(graph):
    _, g = graph
    assert mentioned(g, PAPERS[6]["title"]) == {
        "FSR": "Software",  # "a framework called ..."
        "ZCP": "Software",  # "... (ZCP) framework", though its long form ends in a technique
        "M2-Zorber": "Model",  # the title's name, "the M^2-Zorber series" in the abstract
        "KV cache": "Technique",
        "HBM": "Hardware",
        "streaming multiprocessor": "Hardware",  # SM, SMs
        "C": "Software", "Rust": "Software",  # a one-letter language in a list of them; no "Appendix C"
        "DeepSparse": "Software",  # a glued name written with one capital
        "GitHub": "Organization",  # a source of code; "the GitHub repository" of a paper is no mention
        # variants listed after a known variant's name (the vocabulary knows ImageNet-C)
        "ImageNet-C": "Dataset", "ImageNet-R": "Dataset", "ImageNet-S": "Dataset",
    }


def test_a_found_phrase_is_narrower_than_the_known_concept_it_ends_with(graph):
    # guide rule 4: the hierarchy lives in the graph, not in the mention set
    out, g = graph
    assert mentioned(g, PAPERS[7]["title"]) == {"wave-like pipeline parallelism": "Technique",
                                                "pipeline parallelism": "Technique",
                                                "Zed-Mamba": "Model", "Mamba": "Model",
                                                "ImageNet": "Dataset", "ImageNet-S": "Dataset",
                                                "graph partitioning": "Technique"}  # after "the": no e-graph
    found = next(e for e, label in g.subject_objects(RDFS.label) if str(label) == "wave-like pipeline parallelism")
    assert [str(g.value(b, RDFS.label)) for b in g.objects(found, SKOS.broader)] == ["pipeline parallelism"]
    # a coined model is narrower than the model it ends in, as the vocabulary has Vicuna under LLaMA
    coined = next(e for e, label in g.subject_objects(RDFS.label) if str(label) == "Zed-Mamba")
    assert [str(g.value(b, RDFS.label)) for b in g.objects(coined, SKOS.broader)] == ["Mamba"]
    # a dataset variant the vocabulary does not know is narrower than the dataset
    variant = next(e for e, label in g.subject_objects(RDFS.label) if str(label) == "ImageNet-S")
    assert [str(g.value(b, RDFS.label)) for b in g.objects(variant, SKOS.broader)] == ["ImageNet"]
    result = run("neighbors", "pipeline parallelism", "--include-narrower", "--graph", out, "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["narrower"] == ["wave-like pipeline parallelism"]


def test_items_sharing_a_hyphenated_head_and_listed_versions(graph):
    _, g = graph
    assert mentioned(g, PAPERS[8]["title"]) == {
        "data parallelism": "Technique", "tensor parallelism": "Technique",  # "data- and tensor-parallelism"
        "FlashAttention-2": "Technique", "FlashAttention-3": "Technique",  # "FlashAttention-2/3"
    }  # and no "meet parallelism" from the title's verb


def test_a_found_name_that_is_an_ordinary_word_is_not_found_opening_a_sentence(graph):
    _, g = graph
    assert mentioned(g, PAPERS[9]["title"]) == {"Relax": "Software", "CUDA": "Software"}
    assert mentioned(g, PAPERS[10]["title"]) == {"GPU": "Hardware"}  # "Relax the bound." is no Relax


def test_a_short_form_another_paper_defines_as_generic_is_still_the_name_a_paper_introduces(graph):
    _, g = graph
    assert mentioned(g, PAPERS[11]["title"]) == {"GPU": "Hardware"}  # an error measure: no entity
    assert mentioned(g, PAPERS[12]["title"]) == {"ZAE": "Software"}  # this paper's own system


def test_a_name_is_not_spread_into_links_or_under_another_head_noun(graph):
    _, g = graph
    assert mentioned(g, PAPERS[13]["title"]) == {"ZIE": "Technique", "positional encoding": "Technique"}
    # "the ZIE dataset" is no mention of the technique, nor is a GitHub link
    assert mentioned(g, PAPERS[14]["title"]) == {"Mamba": "Model"}


def test_sizes_fold_reports_title_their_model_and_dubbed_names_are_one(graph):
    out, g = graph
    assert mentioned(g, PAPERS[15]["title"]) == {
        "ZorbCoder": "Model",  # "ZorbCoder-7B Technical Report", "ZorbCoder-7B and ZorbCoder-32B"
        "ZorbKV-Quant": "Technique",  # "dubbed ZKQ": one entity
        "ZorbGym": "Software",  # a second appositive in the sentence, a gym
        "quantization": "Technique",
    }
    paper = next(g.subjects(RDFS.label, rdflib.Literal(PAPERS[15]["title"])))
    introduced = {str(g.value(e, RDFS.label)) for e in g.objects(paper, KG.introduces)}
    assert introduced == {"ZorbCoder", "ZorbKV-Quant"}
    result = run("show", "ZKQ", "--graph", out, "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["label"] == "ZorbKV-Quant"


def test_lists_after_a_head_noun_all_caps_names_and_our_harness(graph):
    _, g = graph
    assert mentioned(g, PAPERS[16]["title"]) == {
        "vLLM": "Software", "Orca": "Software",  # "serving systems such as vLLM and Orca"
        "ZORBEN": "Software",  # "the ZORBEN simulator"
        "ZorbProbe": "Software",  # "our measurement harness, ZorbProbe"
    }


def test_a_surveys_topic_is_no_name_and_products_fold(graph):
    _, g = graph
    assert mentioned(g, PAPERS[17]["title"]) == {"quantization": "Technique"}  # no "Edge-First Inference"
    assert mentioned(g, PAPERS[18]["title"]) == {
        "ResNet": "Model",  # ResNet8: a depth of a family the vocabulary lists depths of
        "Cerebras CS-2": "Hardware",  # "the CS-2": one machine
        "Apple M1": "Hardware", "Apple M2": "Hardware",  # "Apple M1 and M2 chips"
    }


def test_our_named_method_sized_variants_and_prose(graph):
    _, g = graph
    assert mentioned(g, PAPERS[19]["title"]) == {
        "Zorbic Sparse Routing": "Technique",  # "our method Zorbic Sparse Routing": all of it, not "Zorbic"
        "Code Llama": "Model",  # "CodeLlama-34B-Python": no mention of Python
        "QLoRA": "Technique",  # "Q-LoRA", a spelling; no LoRA beside it
        "learned cost model": "Technique",  # no "performance model" in "a high-performance model"
        "GPU": "Hardware", "NUMA": "Hardware",  # no "same-NUMA-node" hardware; "limited attention" and the convolution theorem are prose
    }


def test_a_listed_dataset_is_no_method_of_the_same_letters(graph):
    _, g = graph
    # "the GQA and ZorbBench datasets": the GQA dataset, not grouped-query attention; and the
    # dataset neither merges with nor spreads to the other paper's grouped-query attention (GQA)
    assert mentioned(g, PAPERS[21]["title"]) == {"GQA": "Dataset", "ZorbBench": "Dataset"}
    assert mentioned(g, PAPERS[22]["title"]) == {"grouped-query attention": "Technique"}


def test_the_verb_swapping_is_no_technique(graph):
    _, g = graph
    assert mentioned(g, PAPERS[20]["title"]) == {"HBM": "Hardware"}  # no "memory swapping"


def test_a_spelled_out_product_and_no_task(graph):
    _, g = graph
    # "Wafer-Scale Engine 2 (WSE-2)" is the known WSE-2, not a technique; unit test generation is a task
    assert mentioned(g, PAPERS[23]["title"]) == {"Cerebras WSE-2": "Hardware"}


def test_a_known_name_with_its_head_noun_is_no_discovered_word(graph):
    _, g = graph
    # "the Alps system" is the known supercomputer, not also a software "Alps"
    assert mentioned(g, PAPERS[24]["title"]) == {"Alps supercomputer": "Hardware", "TorchInductor": "Software"}


def test_a_product_named_with_its_device_class_mentions_the_class(graph):
    _, g = graph
    # "an NVIDIA L4 GPU" (the vocabulary's label "L4 GPU" tells it from an L4 cache) is a GPU too
    assert mentioned(g, PAPERS[25]["title"]) == {"NVIDIA L4": "Hardware", "GPU": "Hardware"}


def test_a_processing_element_is_hardware(graph):
    _, g = graph
    # a chip part, as the vocabulary has it (the lexicon once listed it as a generic word too)
    assert mentioned(g, PAPERS[26]["title"]) == {"processing element": "Hardware"}


def test_a_graphs_frontier_is_no_supercomputer(graph):
    _, g = graph
    # "Frontier Stealing", "the Pareto Frontier", "Frontier-based": no machine
    assert "Frontier" not in mentioned(g, PAPERS[27]["title"])
    assert "GPU" in mentioned(g, PAPERS[27]["title"])


def test_new_versions_the_vocabulary_once_folded_are_models_of_their_own(graph):
    _, g = graph
    assert mentioned(g, PAPERS[28]["title"]) == {
        "Gated DeltaNet": "Model", "DeltaNet": "Model", "Zamba2": "Model", "Zamba": "Model"}


def test_words_that_name_things_only_in_context(graph):
    _, g = graph
    # Go beside software that is no language is the game; "phones" are speech units; TMA and GCD as hardware only
    # where they are (not Intel's TMA methodology)
    assert mentioned(g, PAPERS[29]["title"]) == {
        "OpenAI Gym": "Software", "PyTorch": "Software", "TIMIT": "Dataset", "Hopper": "Hardware",
        "Tensor Memory Accelerator": "Hardware", "Intel": "Organization", "graphics compute die": "Hardware",
        "AMD Instinct MI250X": "Hardware"}


def test_the_sixth_sessions_rules_end_to_end(graph):
    _, g = graph
    # LaTeX Greek letters in names, and a one-name "such as" list
    assert mentioned(g, PAPERS[30]["title"]) == {
        "μZorb": "Technique", "ZorbCache": "Technique", "Δ-Zorb": "Technique",
        "transformer": "Technique"}  # no "caching" on its own (the tenth session's lexicon)
    # product tiers, lettered versions, a named architecture; no number format, a maker's product
    assert mentioned(g, PAPERS[31]["title"]) == {
        "GPT-4 Lite": "Model", "Gemini 3.5 Pro": "Model", "MobileVLM V2": "Model", "VQ-GAN": "Model",
        "Samsung PM1735": "Hardware"}
    # a versioned title name is the name introduced; no appositive after an opening phrase ("ZorbSim 2.0" is no
    # GPU); DVFS once; Go beside languages
    assert mentioned(g, PAPERS[32]["title"]) == {
        "ZorbKV": "Technique", "GPU": "Hardware", "HBM": "Hardware", "DVFS": "Technique", "Java": "Software",
        "Go language": "Software", "C++": "Software"}
    # a title topic is no name; a named pair of known names is one; "methods like MR-GPTQ"
    paper = next(g.subjects(RDFS.label, rdflib.Literal(PAPERS[33]["title"])))
    assert not list(g.objects(paper, KG.introduces))
    assert {"SwinV2-MoE": "Model", "MR-GPTQ": "Technique"}.items() <= mentioned(g, PAPERS[33]["title"]).items()


def test_methods_the_texts_call_methods_and_media_formats(graph):
    _, g = graph
    # GPUDirect (RDMA), DeepSpeed-Ulysses and T-MAC are cited as methods, the XGBoost library is software;
    # JPEG and H.264 are formats, no devices
    assert mentioned(g, PAPERS[34]["title"]) == {
        "JPEG": "Software", "H.264": "Software", "GPUDirect": "Technique", "XGBoost": "Software",
        "GPUDirect Storage": "Software", "CSR": "Software", "ELLPACK": "Software",
        "DeepSpeed-Ulysses": "Technique", "T-MAC": "Technique",
        # a tool written in title case, tools the vocabulary gained, a system its paper calls a system;
        # a software accelerator is no hardware accelerator
        "HIPIFY": "Software", "rustc": "Software", "TCP": "Software", "ZeRO-Infinity": "Software",
        "FlashDecoding++": "Software",  # its paper: "a fast LLM inference engine"
        "DistDGL": "Software"}  # written "Dist-DGL": no DGL of its own


def test_architecture_classes_the_adjudicated_gold_counts(graph):
    _, g = graph
    # "autoregressive model" is an architecture class like "diffusion model"; a sparsely-gated MoE is the MoE
    assert mentioned(g, PAPERS[40]["title"]) == {
        "autoregressive model": "Technique", "diffusion model": "Technique", "mixture-of-experts": "Technique",
        "SDXL-Lightning": "Model", "Transformer++": "Model"}  # named models the vocabulary gained


def test_supercomputers_named_by_ordinary_words_beside_other_supercomputers(graph):
    _, g = graph
    # kg:contextLabel "Aurora", "Alps": machines beside Frontier and Perlmutter; Amazon Aurora is no machine
    found = mentioned(g, PAPERS[35]["title"])
    assert {k: v for k, v in found.items() if v == "Hardware"} == {
        "Frontier": "Hardware", "Aurora supercomputer": "Hardware", "Perlmutter": "Hardware",
        "Alps supercomputer": "Hardware"}


def test_fields_descriptions_and_what_a_method_goes_without(graph):
    _, g = graph
    # "sparse tensor algebra" is a field; "OpenMP target offload" names OpenMP's feature, no offloading;
    # "low-bit" says how far quantization goes; a "fine-tuning-free" method uses no fine-tuning
    # memory reached over CXL is CXL; an expander is a device of its own
    assert mentioned(g, PAPERS[36]["title"]) == {
        "OpenMP": "Software", "quantization": "Technique", "SnapKV": "Technique", "CXL": "Hardware",
        "CXL memory expander": "Hardware", "top-of-rack switch": "Hardware", "chiplet": "Hardware",
        "through-silicon via": "Hardware", "silicon interposer": "Hardware"}


def test_chip_parts_sizes_tiers_and_list_items_of_two_words(graph):
    _, g = graph
    # chip parts the vocabulary gained; "64GB" is a size, no product; "990 Pro" no Exynos 990; "El Capitan"
    # is one list item; AI accelerators are the hardware accelerator class
    assert mentioned(g, PAPERS[37]["title"]) == {
        "AMD Instinct MI300X": "Hardware", "accelerator complex die": "Hardware", "AMD Infinity Cache": "Hardware",
        "MFMA": "Hardware", "local data share": "Hardware", "Hopper": "Hardware", "wgmma": "Hardware",
        "distributed shared memory": "Hardware", "NVIDIA Jetson AGX Orin": "Hardware",
        "Samsung 990 Pro": "Hardware", "SSD": "Hardware", "Frontier": "Hardware", "LUMI": "Hardware",
        "El Capitan": "Hardware", "hardware accelerator": "Hardware"}


def test_properties_of_attention_data_structures_and_fused_kernels(graph):
    _, g = graph
    # "attention scores" is a property, the mechanism is written once (attention sinks are StreamingLLM's
    # technique); a cost model, a memory pool and FP8 training are no techniques the adjudicated gold counts;
    # fused kernels mention operator fusion; a passive participle before a full stop mentions its technique
    assert mentioned(g, PAPERS[38]["title"]) == {
        "attention mechanism": "Technique", "attention sink": "Technique", "operator fusion": "Technique",
        "pruning": "Technique"}


def test_named_neural_operators_are_models_and_hpc_tools(graph):
    _, g = graph
    # the FNO family are named architectures (models); HPC libraries, autotuners and MLIR dialects are software
    assert mentioned(g, PAPERS[39]["title"]) == {
        "Fourier neural operator": "Model", "Adaptive Fourier Neural Operator": "Model", "cuFFTMp": "Software",
        "GPTune": "Software", "linalg dialect": "Software", "neural operator": "Technique", "sharding": "Technique",
        # numerical and quantum-compilation methods the vocabulary gained
        "TSQR": "Technique", "s-step GMRES": "Technique", "smoothed aggregation": "Technique", "V-cycle": "Technique",
        "lattice surgery": "Technique", "phase folding": "Technique"}


def test_neighbouring_fields_methods_and_embedded_parts(graph):
    _, g = graph
    # SAT, segmentation and tensor-network names the vocabulary gained; a spelling of a known SoC, a plural
    # inside a compound, a product number after a tier; "speed up training" is no uptraining
    assert mentioned(g, PAPERS[41]["title"]) == {
        "cube-and-conquer": "Technique", "conflict-driven clause learning": "Technique", "Kissat": "Software",
        "Sophgo SG2042": "Hardware", "StarFive JH7110": "Hardware", "SoC": "Hardware",
        "Core i7-13700H": "Hardware", "Swin UNETR": "Model", "matrix product state": "Technique",
        "RISC-V": "Hardware"}


def test_chip_packaging_protocols_dram_disturbance_and_what_hardware_does(graph):
    _, g = graph
    # CXL's protocols and Intel's bridge are hardware; "HBM stacks" are written for HBM; the vocabulary's
    # "Rowhammer" is also spelled "RowHammer"; in-network reductions are in-network aggregation
    assert mentioned(g, PAPERS[42]["title"]) == {
        "CXL.io": "Hardware", "CXL.mem": "Hardware", "EMIB": "Hardware", "HBM": "Hardware",
        "Rowhammer": "Technique", "in-network aggregation": "Technique", "Intel Xeon Max": "Hardware",
        # OpenMP's offloading is a programming model's feature; matrix-multiply instructions are the hardware's
        "OpenMP": "Software",
        # fused kernels mention operator fusion, also with the platform between, which is written too
        "operator fusion": "Technique", "CUDA": "Software"}


def test_types_and_names_the_adjudicated_gold_settles(graph):
    _, g = graph
    # "GCN" alone is the model, a spelled-out "graph attention network" the class (its acronym with it);
    # GPipe and StreamingLLM are techniques; a Xeon named with its generation is that generation; a
    # performance model and a network topology are no entities the gold lists
    assert mentioned(g, PAPERS[43]["title"]) == {
        "GraphSAGE": "Model", "GCN": "Model", "graph attention network": "Technique", "GPipe": "Technique",
        "StreamingLLM": "Technique", "Intel Sapphire Rapids": "Hardware", "Monte Carlo method": "Technique",
        "Morton order": "Technique", "Ruge-Stüben coarsening": "Technique"}


def test_general_names_of_neighbouring_fields(graph):
    _, g = graph
    # named methods the vocabulary gained from general knowledge of the field; FID is a metric, not
    # Fusion-in-Decoder (whose "FiD" was left out for that reason)
    assert mentioned(g, PAPERS[44]["title"]) == {
        "Anderson acceleration": "Technique", "Jacobian-free Newton-Krylov": "Technique", "SUMMA": "Technique",
        "DCQCN": "Technique",
        # methods written by what they produce or are made of (the adjudicated gold counts them)
        "majority voting": "Technique", "integer linear programming": "Technique",
        "finite element method": "Technique", "Cholesky decomposition": "Technique",
        "peephole optimization": "Technique"}


def test_tasks_fields_and_ordinary_phrases_are_no_techniques(graph):
    _, g = graph
    # SAT solving and theorem proving are tasks and fields (guide rule 5); "over
    # sampled" is no oversampling, "disjoint sets" no union-find, "CPU affinity" a setting, "Pass@k" a
    # metric whose k opens no "k scaling"; "alternative" and "short" open no technique's name; an execution
    # mode and a program's graphs are no techniques the gold lists; nor are a phenomenon (thermal throttling),
    # an evaluation (trace-driven simulation) and a unit of data (a bit-plane); "co-design" alone is a way of
    # working, not a named technique; data "on disk" on "a workstation" names no device the gold lists;
    # Mip-NeRF 360 is the scene dataset; the generations of PCIe and CXL fold into them
    assert mentioned(g, PAPERS[45]["title"]) == {"CPU": "Hardware", "fine-tuning": "Technique",
                                                 "Mip-NeRF 360": "Dataset", "PCIe": "Hardware", "CXL": "Hardware"}


def test_quantum_devices_consumer_devices_and_method_spellings(graph):
    _, g = graph
    # IBM devices and their lattice, Wi-Fi as hardware; named methods the vocabulary gained, and
    # spellings of known ones ("GeLU", "chains of thought")
    assert mentioned(g, PAPERS[46]["title"]) == {
        "IBM Heron": "Hardware", "ibm_torino": "Hardware", "heavy-hex lattice": "Hardware", "laptop": "Hardware",
        "Wi-Fi": "Hardware", "SABRE": "Technique", "scaled gradient descent": "Technique", "k-quants": "Technique",
        "regularized evolution": "Technique", "GELU": "Technique", "chain-of-thought": "Technique",
        "linear transformer": "Technique", "N-BEATS": "Model",  # not the BEATs audio model inside it
        "Codeforces": "Organization"}  # a source of problems (the adjudicated gold: 6 of 6 such sites)


def test_tools_formats_and_package_sources(graph):
    _, g = graph
    # tools, a debug-information format and package archives the vocabulary gained (all software)
    assert mentioned(g, PAPERS[47]["title"]) == {
        "McSema": "Software", "RetDec": "Software", "Alive2": "Software", "CGAL": "Software", "TetGen": "Software",
        "DWARF": "Software", "Debian": "Software", "crates.io": "Software", "pymoo": "Software"}


def test_sizes_contributions_machines_and_heads_end_to_end(graph):
    _, g = graph
    # a size word ending a known name is no list item ("GPT-2 XL"), an active-parameter count folds
    # ("-A2.7B"), a participle after a sized model says it was applied; a class word ending a product's
    # name is no class ("Edge TPU"); numbered contributions and "devised" name the paper's techniques; a
    # coordinated word with the word before names the narrower label; machines joined past a parenthesis;
    # a hardware class only as a name's head noun is no mention, nor is an amount ("GPU-hours") a name
    assert mentioned(g, PAPERS[48]["title"]) == {
        "GPT-2": "Model", "Phi-2": "Model", "Qwen1.5-MoE": "Model", "Falcon": "Model", "quantization": "Technique",
        "Edge TPU": "Hardware", "score-based caching": "Technique", "dynamic intra-layer scheduling": "Technique",
        "block fusion": "Technique", "discrete Fourier transform": "Technique", "Hadamard transform": "Technique",
        "Polaris supercomputer": "Hardware", "NVIDIA A100": "Hardware", "Frontier": "Hardware",
        "AMD Instinct MI250X": "Hardware", "ZorbAcc": "Hardware", "GPU": "Hardware"}


def test_a_titles_name_and_the_abstracts_name_are_one_node_end_to_end(graph):
    _, g = graph
    # "Zorbic-Aware Fine-Tuning" spells ZAFT (each part of a hyphenated word gives a letter);
    # "ZorbServe-v2: ..." titles the abstract's ZorbServe
    assert mentioned(g, PAPERS[49]["title"]) == {"ZAFT": "Technique"}
    assert mentioned(g, PAPERS[50]["title"]) == {"ZorbServe": "Software"}


def test_this_sessions_rules_end_to_end(graph):
    # glued and tagged versions, a task range, a name with "of", a numbered step's verb, a formula, a
    # title slogan, a serving system's name, and names of the neighbouring fields' vocabularies
    _, g = graph
    assert mentioned(g, PAPERS[51]["title"]) == {
        "Gemma 4": "Model", "Qwen3.5": "Model", "Linear-Llama3": "Model", "Graph of Effort": "Technique",
        "QuuxServe": "Software", "Block-STM": "Technique", "Ethereum": "Software", "SZ3": "Software",
        "hardware accelerator": "Hardware", "decimation-in-time FFT": "Technique",  # "DIT and DIF FFT": not DiT
        "decimation-in-frequency FFT": "Technique", "CPU": "Hardware", "GPU": "Hardware"}  # no library "CPU-side"


def test_the_tenth_sessions_rules_end_to_end(graph):
    # names of this session's vocabulary round, the baselines a comparison lists, a coined name in
    # another case than its label ("LoMo" for LOMO), no "Layer 2" nor "parallel execution"
    _, g = graph
    assert mentioned(g, PAPERS[52]["title"]) == {
        "SLERP": "Technique", "DARE": "Technique", "GaLore": "Technique", "LOMO": "Technique",
        "ZorbKV": "Technique", "QuuxCache": "Technique", "GPU": "Hardware", "InfiniGen": "Software",
        "inverse Fourier transform": "Technique",  # "iFFT", a spelling of the label IFFT
        "Streamlit": "Software", "Amazon ECS": "Software", "coprocessor": "Hardware", "power meter": "Hardware",
        "microservice architecture": "Technique"}
    # the own name of an abstract about systems, never a method, is a system; a bus network is hardware;
    # both names after "namely,"; a cloud architecture is a system; no "caching" on its own
    assert mentioned(g, PAPERS[53]["title"]) == {
        "Zorbflow": "Software", "GPU": "Hardware", "QB": "Hardware", "V-Quux": "Software", "I-Quux": "Software",
        "Quux-Cloud": "Software"}


def test_the_eleventh_sessions_rules_end_to_end(graph):
    # a scheduler is software; a participle before "on" applies its technique; "prompting" and
    # "eviction" head their own phrases; generic techniques and device names of the session's vocabulary
    _, g = graph
    assert mentioned(g, PAPERS[54]["title"]) == {
        "Quuxplan": "Software", "co-scheduling": "Technique", "fine-tuning": "Technique",
        "direct prompting": "Technique", "lazy eviction": "Technique", "scratchpad memory": "Hardware",
        "Gigabit Ethernet": "Hardware"}


def test_names_found_in_other_papers_only_where_written_as_names(graph):
    # "RTX 6000", discovered in one paper, is no mention inside "RTX 6000 Ada" in another; nor are
    # ZorPile and Zorcade in the title's "Zorpile-Time" and "Zorcade-Aware"
    _, g = graph
    assert mentioned(g, PAPERS[55]["title"]) == {
        "GPU": "Hardware", "NVIDIA A100": "Hardware", "RTX 6000": "Hardware", "NVIDIA GeForce RTX 4090": "Hardware",
        "ZorPile": "Dataset", "Zorcade": "Software", "ZorbForge": "Software"}
    assert mentioned(g, PAPERS[56]["title"]) == {
        "NVIDIA RTX 6000 Ada Generation": "Hardware", "GPU": "Hardware"}


def test_the_twelfth_sessions_rules_end_to_end(graph):
    # one node for "Zorb Attention" and "ZorbAttention"; "quantizes" names quantization; "CPU offloading"
    # mentions the CPU; Marlin is software; "OpenAI o3" before "produces" (not lost to "OpenAI o3-pro");
    # "AVX-2" is AVX2; an acronym with a slash inside a label; a bare "vector unit" is no mention; a phrase
    # another paper's title gives ("lazy quux scheduling") is ordinary words here
    _, g = graph
    assert mentioned(g, PAPERS[57]["title"]) == {
        "ZorbAttention": "Technique", "quantization": "Technique", "KV cache": "Technique",
        "CPU offloading": "Technique", "CPU": "Hardware", "Marlin": "Software", "OpenAI o3": "Model",
        "AVX2": "Hardware", "prefill-decode disaggregation": "Technique"}
    # a title's acronym typed by its whole spelled-out form: "Tiered Memory Expansion" is no memory
    assert mentioned(g, PAPERS[58]["title"]) == {"ZTME": "Technique", "lazy quux scheduling": "Technique"}


def test_the_thirteenth_sessions_rules_end_to_end(graph):
    # names joined by a plus, a one-digit sibling after a slash, C before "function" and in a translation,
    # no Frontier supercomputer in "Future Frontiers", device classes, and "load-balanced scheduling" is no
    # mention of load balancing (a participle that qualifies no model)
    _, g = graph
    assert mentioned(g, PAPERS[59]["title"]) == {
        "C": "Software", "Rust": "Software", "vLLM": "Software", "torchtune": "Software",
        "Raspberry Pi 4": "Hardware", "Raspberry Pi 5": "Hardware", "satellite": "Hardware",
        "smart device": "Hardware", "FlashInfer": "Software"}


def test_the_fourteenth_sessions_rules_end_to_end(graph):
    # no half-phrase of a coordinated title ("computation overlapping") nor a title phrase that runs on past
    # its head ("adaptive migration"); serverless is serverless computing; unstructured pruning with the model
    # inside and no pruning of its own; disaggregation alone; "distinct" and "ultimate" open no name; a rate
    # is no method; aggregation heads a phrase; a shell is software, and "drives" after the comma no drive
    _, g = graph
    assert mentioned(g, PAPERS[60]["title"]) == {
        "Zorq": "Software", "serverless computing": "Technique", "unstructured pruning": "Technique",
        "disaggregation": "Technique", "model parallelism": "Technique",
        "topology-aware gradient aggregation": "Technique", "NaZh": "Software"}


def test_the_fourteenth_sessions_later_rules_end_to_end(graph):
    # a name ending like a system's is one whatever its title says; no "Sparse Transformer" model in a
    # title's phrase; no Navier-Stokes solver where the text names the equation; the Ben-Or protocol is the
    # known name alone; GPT-MoE is a model of its own; two generations of a NIC are two nodes; a schedule
    # and a compression pipeline are methods; memory alone types no name as hardware
    _, g = graph
    assert mentioned(g, PAPERS[61]["title"]) == {
        "HeliosDB": "Software", "hardware accelerator": "Hardware", "nearest neighbor search": "Technique",
        "Nek5000": "Software", "Ben-Or's algorithm": "Technique", "GPT-MoE": "Model",
        "NVIDIA ConnectX-6": "Hardware", "NVIDIA ConnectX-7": "Hardware", "NIC": "Hardware",
        "WaveZorb": "Technique", "ZorbPrune": "Technique"}
    assert mentioned(g, PAPERS[62]["title"]) == {"Quuxmem": "Technique"}
